// The start-up floor of any bench process: node plus tsx, nothing loaded.
process.stdout.write('{"event":"ready"}\n')
process.stdin.once('data', () => process.exit(0))
