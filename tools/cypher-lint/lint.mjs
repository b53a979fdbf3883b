// Reads [{name, text, params: [..], procedures: [..]}] as JSON on stdin; prints
// [{name, errors: [{message, line}], warnings: [...]}] as JSON on stdout.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const queries = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const procedures = {
  'db.index.fulltext.queryNodes': {
    name: 'db.index.fulltext.queryNodes', description: 'full-text query', mode: 'READ', worksOnSystem: false,
    signature: 'db.index.fulltext.queryNodes(indexName :: STRING, queryString :: STRING, options = {} :: MAP) :: (node :: NODE, score :: FLOAT)',
    argumentDescription: [
      { isDeprecated: false, description: 'indexName', name: 'indexName', type: 'STRING' },
      { isDeprecated: false, description: 'queryString', name: 'queryString', type: 'STRING' },
      { isDeprecated: false, description: 'options', name: 'options', type: 'MAP', default: 'DefaultParameterValue{value={}, type=MAP}' },
    ],
    returnDescription: [
      { isDeprecated: false, description: 'node', name: 'node', type: 'NODE' },
      { isDeprecated: false, description: 'score', name: 'score', type: 'FLOAT' },
    ],
    admin: false, option: { deprecated: false },
  },
};

const out = [];
for (const q of queries) {
  const parameters = Object.fromEntries((q.params || []).map((p) => [p, null]));
  const result = lintCypherQuery(q.text, { parameters, procedures: { 'CYPHER 5': procedures, 'CYPHER 25': procedures } });
  const diags = result.diagnostics || result;
  out.push({
    name: q.name,
    errors: diags.filter((d) => d.severity === 1).map((d) => ({ message: d.message, line: d.range?.start?.line })),
    warnings: diags.filter((d) => d.severity === 2).map((d) => ({ message: d.message })),
  });
}
process.stdout.write(JSON.stringify(out));
