import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import { AppError } from '../../errors/app-error';
import { closeReason, subgraphSubscriptions } from './subgraph-subscriptions';
import { onExpiry, SubscriptionConnections } from './subscription-connections';

type Hooks = {
  onConnect(ctx: Context): Promise<boolean>;
  onSubscribe(ctx: Context, id: string, payload: { query: string; operationName?: string }): unknown;
  onClose(ctx: Context): void;
};

function socket() {
  return { close: jest.fn(), terminate: jest.fn() };
}

function setup(expiresAt = new Date(Date.now() + 60_000), fail?: Error) {
  const connections = new SubscriptionConnections();
  const authenticate = jest.fn(async (params: Readonly<Record<string, unknown>> | undefined) => {
    if (fail) throw fail;
    return { request: { principal: { sub: String(params?.authorization) } }, expiresAt };
  });
  const config = subgraphSubscriptions({ authenticate, connections, parseOptions: { maxLexicalTokens: 20 } });
  const hooks = (config.subscriptions as { 'graphql-ws': Hooks })['graphql-ws'];
  const context = config.context as (arg: object) => { req: unknown };
  const ws = socket();
  const request = { headers: { 'x-correlation-id': 'corr-1' } } as unknown as IncomingMessage;
  const ctx = {
    connectionParams: { authorization: 'Bearer t' },
    extra: { socket: ws, request },
    subscriptions: { '1': null },
  } as unknown as Context;
  return { hooks, context, ctx, ws, connections };
}

const codes = (result: unknown) => (result as GraphQLError[]).map((e) => e.extensions.code);

describe('subgraphSubscriptions', () => {
  afterEach(() => jest.useRealTimers());

  it("makes the connection's caller the `req` of each operation's context, as HTTP's request is", async () => {
    const { hooks, context, ctx, connections } = setup();
    expect(await hooks.onConnect(ctx)).toBe(true);
    expect(context(ctx)).toEqual({ req: { principal: { sub: 'Bearer t' }, id: 'corr-1' } });
    expect(connections.size).toBe(1);
    const httpReq = { headers: {} };
    expect(context({ req: httpReq })).toEqual({ req: httpReq });
    hooks.onClose(ctx);
    expect(connections.size).toBe(0);
  });

  it('refuses a connection whose token is refused with 4403 and the reason, and one already expired', async () => {
    const refused = setup(undefined, new AppError('UNAUTHENTICATED', 'The token is not valid'));
    expect(await refused.hooks.onConnect(refused.ctx)).toBe(false);
    expect(refused.ws.close).toHaveBeenCalledWith(4403, 'Forbidden: The token is not valid');
    expect(refused.connections.size).toBe(0);

    const broken = setup(undefined, new Error('JWKS down: details that are nobody else’s business'));
    expect(await broken.hooks.onConnect(broken.ctx)).toBe(false);
    expect(broken.ws.close).toHaveBeenCalledWith(4403, 'Forbidden');

    const expired = setup(new Date(Date.now() - 1));
    expect(await expired.hooks.onConnect(expired.ctx)).toBe(false);
    expect(expired.ws.close).toHaveBeenCalledWith(4403, 'Forbidden: The token has expired');
  });

  it('closes the connection with 4401 when its token expires, and not once it has closed', async () => {
    jest.useFakeTimers();
    const { hooks, ctx, ws } = setup(new Date(Date.now() + 5_000));
    await hooks.onConnect(ctx);
    jest.advanceTimersByTime(4_999);
    expect(ws.close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(ws.close).toHaveBeenCalledWith(4401, 'Unauthorized: the token has expired');

    const other = setup(new Date(Date.now() + 5_000));
    await other.hooks.onConnect(other.ctx);
    other.hooks.onClose(other.ctx);
    jest.advanceTimersByTime(10_000);
    expect(other.ws.close).not.toHaveBeenCalled();
  });

  it('serves subscriptions only, and refuses a document over the token limit or that does not parse', async () => {
    const { hooks, ctx } = setup();
    await hooks.onConnect(ctx);
    expect(hooks.onSubscribe(ctx, '1', { query: 'subscription { changed(id: "1") { id } }' })).toBeUndefined();
    expect(codes(hooks.onSubscribe(ctx, '1', { query: 'query { case { id } }' }))).toEqual(['BAD_REQUEST']);
    expect(codes(hooks.onSubscribe(ctx, '1', { query: 'mutation { go }' }))).toEqual(['BAD_REQUEST']);
    // The operation named decides, as graphql-ws will run that one.
    expect(
      hooks.onSubscribe(ctx, '1', { query: 'query Q { a } subscription S { b }', operationName: 'S' }),
    ).toBeUndefined();
    expect(codes(hooks.onSubscribe(ctx, '1', { query: 'subscription {' }))).toEqual(['GRAPHQL_PARSE_FAILED']);
    const long = `subscription { ${Array.from({ length: 30 }, (_, i) => `f${i}`).join(' ')} }`;
    expect(codes(hooks.onSubscribe(ctx, '1', { query: long }))).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('limits the operations a connection holds at once', async () => {
    const { hooks, ctx } = setup();
    await hooks.onConnect(ctx);
    // graphql-ws counts the operation being subscribed before it asks.
    for (let i = 0; i < 100; i++) (ctx.subscriptions as Record<string, null>)[String(i)] = null;
    expect(hooks.onSubscribe(ctx, '99', { query: 'subscription { a }' })).toBeUndefined();
    (ctx.subscriptions as Record<string, null>)['100'] = null;
    expect(codes(hooks.onSubscribe(ctx, '100', { query: 'subscription { a }' }))).toEqual(['TOO_MANY_REQUESTS']);
  });
});

describe('onExpiry', () => {
  afterEach(() => jest.useRealTimers());

  it('fires once the time has passed, however far off, and not when cancelled', () => {
    jest.useFakeTimers();
    const expire = jest.fn();
    // Further off than setTimeout can wait in one go (about 24.8 days).
    onExpiry(new Date(Date.now() + 30 * 86_400_000), expire);
    jest.advanceTimersByTime(25 * 86_400_000);
    expect(expire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(5 * 86_400_000);
    expect(expire).toHaveBeenCalledTimes(1);

    const cancelled = jest.fn();
    onExpiry(new Date(Date.now() + 1_000), cancelled)();
    jest.advanceTimersByTime(2_000);
    expect(cancelled).not.toHaveBeenCalled();

    const past = jest.fn();
    onExpiry(new Date(Date.now() - 1), past);
    expect(past).toHaveBeenCalledTimes(1);
  });
});

describe('SubscriptionConnections', () => {
  afterEach(() => jest.useRealTimers());

  it('closes every connection with 1001 and cuts those still open after the grace', () => {
    jest.useFakeTimers();
    const connections = new SubscriptionConnections();
    const [a, b] = [socket(), socket()];
    connections.add(a);
    connections.add(b);
    connections.closeAll(2_000);
    expect(a.close).toHaveBeenCalledWith(1001, 'The service is stopping');
    expect(b.close).toHaveBeenCalledWith(1001, 'The service is stopping');
    expect(connections.size).toBe(0);
    jest.advanceTimersByTime(2_000);
    expect(a.terminate).toHaveBeenCalled();
  });
});

describe('closeReason', () => {
  it('keeps a close reason within the 123 bytes a close frame holds', () => {
    expect(closeReason('Forbidden', 'The token is not valid')).toBe('Forbidden: The token is not valid');
    expect(closeReason('Forbidden', '')).toBe('Forbidden');
    expect(closeReason('Forbidden', 'x'.repeat(200))).toBe('Forbidden');
  });
});
