import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 §5.5, formerly RFC 4122 §4.3): SHA-1 of the namespace's 16 bytes and the
 * name's UTF-8, with version 5 and the RFC variant set. The same namespace and name always give the same
 * UUID, which is what makes a correspondence request stable across replays. node:crypto has only v4, and
 * the `uuid` package is no dependency of ours (only a transitive one), so these few lines stand in.
 */
export function uuidV5(name: string, namespace: string): string {
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('A UUID v5 namespace must be a UUID');
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const out = bytes.toString('hex');
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/**
 * The id of the request for one item: a UUID v5 of the template (and the party, when one event writes
 * to several) in the namespace of the event it comes from. A replayed event asks again under the same
 * id, and the item recorded for it (`correspondence_items.request_id`, unique) is not made twice.
 */
export function correspondenceRequestId(sourceEventId: string, template: string, partyId?: string): string {
  return uuidV5(partyId === undefined ? template : `${template}/${partyId}`, sourceEventId);
}
