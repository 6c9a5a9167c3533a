import { runMain, settleHeapWhenIdle, stopTracing } from '@ccsc/platform';
import { readGatewayConfig } from './config';
import { createGateway } from './gateway';

/** A line in the services' JSON log shape; the gateway's request logs are its own pino's. */
const log = (fields: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'gateway', ...fields })}\n`);

runMain(async () => {
  const config = readGatewayConfig();
  const gateway = await createGateway(config);
  // The supergraph planned and the pages built: what start-up left is collected before the first request,
  // and again whenever the gateway is idle after growing.
  const stopSettling = settleHeapWhenIdle(({ pauseMs, heapBeforeBytes, heapAfterBytes }) =>
    log({ pauseMs: Math.round(pauseMs), heapBeforeBytes, heapAfterBytes, msg: 'heap settled' }),
  );
  const url = await gateway.listen();
  log({ msg: `listening on ${url}` });
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
