import { runDemoCli } from './demo-cli';

try {
  console.log(runDemoCli(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
