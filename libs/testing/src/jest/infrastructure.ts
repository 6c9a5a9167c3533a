// The global setup and teardown run in jest's parent process, once per project that names them:
// count the projects so the infrastructure stops after the last one, not the first.
interface Holder {
  users: number;
  stops: (() => Promise<void>)[];
}
const holder = ((globalThis as { __ccscInfrastructure?: Holder }).__ccscInfrastructure ??= { users: 0, stops: [] });

export function retainInfrastructure(stop?: () => Promise<void>): void {
  if (stop) holder.stops.push(stop);
  else holder.users += 1;
}

export async function releaseInfrastructure(): Promise<void> {
  holder.users -= 1;
  if (holder.users > 0) return;
  for (const stop of holder.stops.splice(0).reverse()) await stop();
}
