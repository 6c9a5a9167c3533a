import { runMain, settleHeapWhenIdle, stopTracing } from '@ccsc/platform';
import { readGatewayConfig } from './config';
import { createGateway } from './gateway';

runMain(async () => {
  const config = readGatewayConfig();
  const gateway = await createGateway(config);
  // The supergraph planned and the pages built: what start-up left is collected before the first request,
  // and again whenever the gateway is idle after growing.
  const stopSettling = settleHeapWhenIdle();
  const url = await gateway.listen();
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'gateway', msg: `listening on ${url}` })}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopSettling();
    setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS).unref();
    await gateway.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
});
