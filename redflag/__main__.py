from redflag.cli import main

main()
