import { runFacts } from '../src/ingest/cli';

process.exitCode = await runFacts(process.argv.slice(2));
