import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, nextWithin, testToken } from '@ccsc/testing';
import { RunningPlatform, startTestPlatform } from './platform';
import { sendUntypedGraphQL } from './graphql-client';

const year = new Date().getUTCFullYear() + 1;
const HEARING_CHANGED = `subscription HearingChanged($caseId: ID!) {
  hearingStatusChanged(caseId: $caseId) { from to hearing { id caseId status delayMinutes } }
}`;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const LIST = `mutation($i: ListHearingInput!) { listHearing(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateHearingStatusInput!) { updateHearingStatus(input: $i) { id status } }`;

type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

// Live updates through the gateway: graphql-ws at the gateway's /graphql, authenticated on connect, the
// subscription planned by the gateway onto the owning subgraph (which re-authorises every event) and fed
// by that service's own events from Kafka.
describe('subscriptions through the gateway', () => {
  let platform: RunningPlatform;
  let wsUrl: string;
  let caseworker: string;
  let orgA: string;
  let orgB: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    wsUrl = `${platform.gatewayUrl.replace(/^http/, 'ws')}/graphql`;
    [caseworker, orgA, orgB] = await Promise.all([
      bearer('caseworker'),
      bearer('professional', { org: 'org-a' }),
      bearer('professional', { org: 'org-b' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform.stop();
  });

  const connect = (authorization: string) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await sendUntypedGraphQL(platform.gatewayUrl, query, variables, caseworker);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  /** A claim represented for the claimant by `org`, with a hearing listed. */
  const caseWithHearing = async (org: string) => {
    const created = await gql(CREATE, {
      input: {
        caseType: 'civil-money-claim',
        parties: [
          { role: 'claimant', kind: 'person', name: 'Alex Claimant', representedBy: org },
          { role: 'defendant', kind: 'organisation', name: 'Widgets Ltd' },
        ],
      },
    });
    const caseId = created.createCase.id as string;
    const listed = await gql(LIST, {
      i: {
        caseId,
        venueId: 'LDN-RCJ',
        venueName: 'Royal Courts of Justice',
        hearingType: 'final-hearing',
        startsAt: `${year}-07-14T10:00:00+01:00`,
        durationMinutes: 120,
      },
    });
    return { caseId, hearingId: listed.listHearing.id as string };
  };

  it("delivers a hearing's status change to a subscriber who may see the case within a second, and nothing to one who may not", async () => {
    const ours = await caseWithHearing('org-a');
    const theirs = await caseWithHearing('org-b');
    const firmA = connect(orgA);
    const mine = firmA.iterate({ query: HEARING_CHANGED, variables: { caseId: ours.caseId } });
    // org-a subscribing to org-b's case is refused as reading it would be: it does not exist for them.
    const notMine = firmA.iterate({ query: HEARING_CHANGED, variables: { caseId: theirs.caseId } });
    const refused = await nextWithin(notMine, 5_000).catch((errors: unknown) => ({ errors }) as Result);
    expect(refused).not.toBe('nothing');
    expect(JSON.stringify((refused as Result).errors)).toMatch(/NOT_FOUND|FORBIDDEN/);
    // The subscriber for their own case is listening once its first event can be caught: poll by changing
    // the status until one arrives (the subgraph checks the case before it listens).
    const firstEvent = nextWithin(mine, 15_000);
    const orgBView = connect(orgB).iterate({ query: HEARING_CHANGED, variables: { caseId: theirs.caseId } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const changedAt = Date.now();
    await gql(UPDATE, { i: { hearingId: ours.hearingId, status: 'running-late', delayMinutes: 20 } });
    const event = await firstEvent;
    const elapsed = Date.now() - changedAt;
    expect(event).toEqual({
      data: {
        hearingStatusChanged: {
          from: 'listed',
          to: 'running-late',
          hearing: { id: ours.hearingId, caseId: ours.caseId, status: 'running-late', delayMinutes: 20 },
        },
      },
    });
    expect(elapsed).toBeLessThan(1_000);
    // org-b's own subscription is on its own case, which did not change: nothing.
    expect(await nextWithin(orgBView, 500)).toBe('nothing');
    await mine.return?.();
    await orgBView.return?.();
  });

  /**
   * A raw graphql-transport-ws connection that sends `connection_init` with `payload`, then `after` once
   * acknowledged: whether it was acknowledged, and how it ended (or 'open' still after `waitMs`).
   */
  const rawConnection = (payload: Record<string, unknown>, after?: (socket: WebSocket) => void, waitMs = 5_000) =>
    new Promise<{ acked: boolean; code: number | 'open'; socket: WebSocket }>((resolve, reject) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      let acked = false;
      const timer = setTimeout(() => resolve({ acked, code: 'open', socket }), waitMs);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type !== 'connection_ack') return;
        acked = true;
        after?.(socket);
      });
      socket.on('close', (code) => {
        clearTimeout(timer);
        resolve({ acked, code, socket });
      });
      socket.on('error', reject);
    });

  it('refuses a connection without a valid token', async () => {
    for (const payload of [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic x' }])
      expect(await rawConnection(payload)).toMatchObject({ acked: false, code: 4403 });
  });

  it("ends a connection when its token expires, bounds a caller's connections and the size of a message", async () => {
    const shortLived = `Bearer ${await testToken('professional', { org: 'org-a', sub: 'brief', ttl: 2 })}`;
    const expired = await rawConnection({ authorization: shortLived }, undefined, 6_000);
    expect(expired).toMatchObject({ acked: true, code: 4401 });

    const caller = await bearer('professional', { org: 'org-a', sub: 'many-tabs' });
    const open = await Promise.all(
      Array.from({ length: 20 }, () => rawConnection({ authorization: caller }, undefined, 1_000)),
    );
    expect(open.every((c) => c.acked && c.code === 'open')).toBe(true);
    expect(await rawConnection({ authorization: caller })).toMatchObject({ acked: false, code: 4429 });
    for (const { socket } of open) socket.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await rawConnection({ authorization: caller }, undefined, 500)).toMatchObject({ acked: true, code: 'open' });

    // Larger than BODY_LIMIT (1 MB): the connection is closed (1009, message too big), nothing is read.
    const huge = await rawConnection({ authorization: orgA }, (socket) =>
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `#${'x'.repeat(2_000_000)}` } })),
    );
    expect(huge).toMatchObject({ acked: true, code: 1009 });
  });

  it('serves the same subscription over server-sent events, with the token in the header', async () => {
    const ours = await caseWithHearing('org-a');
    const controller = new AbortController();
    const res = await fetch(`${platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: orgA },
      body: JSON.stringify({ query: HEARING_CHANGED, variables: { caseId: ours.caseId } }),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await gql(UPDATE, { i: { hearingId: ours.hearingId, status: 'in-progress' } });
    let received = '';
    const deadline = Date.now() + 5_000;
    while (!received.includes('"to":"in-progress"') && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain('"to":"in-progress"');
  });

  it('ends a server-sent events subscription whose token expires as UNAUTHENTICATED, as graphql-ws closes with 4401', async () => {
    const ours = await caseWithHearing('org-a');
    const shortLived = `Bearer ${await testToken('professional', { org: 'org-a', sub: 'brief-sse', ttl: 2 })}`;
    const res = await fetch(`${platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: shortLived },
      body: JSON.stringify({ query: HEARING_CHANGED, variables: { caseId: ours.caseId } }),
      signal: AbortSignal.timeout(8_000),
    });
    expect(res.status).toBe(200);
    const received = await res.text();
    expect(received).toContain('"code":"UNAUTHENTICATED"');
    expect(received).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
