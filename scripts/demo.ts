/**
 * `npm run demo`: starts the simulated restaking world on a local anvil node, prints the RPC URL and
 * the sample wallets, and runs until stopped (Ctrl-C).
 */
import { startDemoWorld } from '../world/demo-world';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
const started = Date.now();
const demo = await startDemoWorld(port ? { port } : {});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`Matryoshka demo world ready in ${seconds} s\n\nRPC (chain id 1): ${demo.rpcUrl}\n\nSample wallets:\n`);
for (const w of demo.wallets) {
  process.stdout.write(`  ${w.address}  ${(w.ens ?? '').padEnd(10)}  ${w.label}: ${w.story}\n`);
}
process.stdout.write(`\nTry:  npm run scan -- --rpc ${demo.rpcUrl} ${demo.wallets.map((w) => w.ens ?? w.address).slice(0, 2).join(' ')}\nStop with Ctrl-C.\n`);
const stop = async () => { await demo.stop(); process.exit(0); };
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
setInterval(() => undefined, 1 << 30);
