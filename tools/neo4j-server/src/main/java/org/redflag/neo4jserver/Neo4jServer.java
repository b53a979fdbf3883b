package org.redflag.neo4jserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community embedded, reachable over Bolt on 127.0.0.1:PORT with authentication on, as Neo4j's Java
 * reference describes "accessing Neo4j embedded via the Bolt protocol".
 *
 * <p>Usage: {@code java -cp ... org.redflag.neo4jserver.Neo4jServer PORT DATA_DIR}, with the password of user
 * {@code neo4j} in the environment variable {@code NEO4J_PASSWORD} (at least 8 characters, Neo4j's minimum).
 * The database files go to DATA_DIR, the server's logs to DATA_DIR/logs (debug.log). Prints
 * {@code READY bolt://127.0.0.1:PORT} on standard output once the password is set and Bolt listens; stops
 * cleanly on SIGTERM or SIGINT (shutdown hook). Exit code 2 on bad arguments.
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Neo4jServer PORT DATA_DIR  (password in NEO4J_PASSWORD)");
            System.exit(2);
        }
        int port;
        try {
            port = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            System.err.println("error: PORT must be a number from 1 to 65535, got " + args[0]);
            System.exit(2);
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("error: NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }
        long pageCacheMb = 256;
        String pageCache = System.getenv("NEO4J_SERVER_PAGECACHE_MB");
        if (pageCache != null && !pageCache.isBlank()) {
            try {
                pageCacheMb = Long.parseLong(pageCache.trim());
            } catch (NumberFormatException e) {
                pageCacheMb = -1;
            }
            if (pageCacheMb < 8) {
                System.err.println("error: NEO4J_SERVER_PAGECACHE_MB must be a whole number of MB, at least 8, got "
                        + pageCache);
                System.exit(2);
            }
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(home.resolve("logs"));

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            // The password of user neo4j (what `neo4j-admin dbms set-initial-password` does for a server); on a
            // restart over the same data folder with the same password Neo4j refuses to "change" it: that is fine.
            GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            try {
                system.executeTransactionally(
                        "ALTER USER neo4j IF EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                        java.util.Map.of("password", password));
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                    throw e;
                }
            }
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fails if the database did not start
        } catch (RuntimeException e) {
            System.err.println("error: the Neo4j server did not start: " + e.getMessage());
            service.shutdown();
            System.exit(1);
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
