import { describe, expect, it } from 'vitest';
import type { ParkedDeliveryInput } from '../store/parked-delivery.js';
import type { Store } from '../store/store.js';

const T0 = '2024-05-01T10:00:00.000Z';

function parked(id: string, trigger = 'pushpress.member.updated', payload: unknown = { event: trigger.slice('pushpress.'.length), data: { id } }): ParkedDeliveryInput {
  return { event: { trigger, payload, id }, receivedAt: T0, reason: 'unknown-trigger' };
}

/** The parked deliveries of the Store contract (see describeStoreContract); `store` gives the test's fresh store. */
export function describeParkedDeliveryContract(store: () => Store): void {
  describe('parked deliveries', () => {
    it('keeps a parked delivery whole, under its event id', async () => {
      const input = parked('member.updated:m1:1', 'pushpress.member.updated', { event: 'member.updated', created: 1, data: { id: 'm1', name: 'Zoë', nested: [1, null, { a: true }] } });
      expect(await store().parkDelivery(input)).toEqual({ added: true });
      expect(await store().getParkedDelivery('member.updated:m1:1')).toEqual({ id: 'member.updated:m1:1', ...input });
    });

    it('parks one event id once: the same id again is not added and does not replace the first', async () => {
      await store().parkDelivery(parked('p1', 'pushpress.a.b', { first: true }));
      expect(await store().parkDelivery(parked('p1', 'pushpress.a.b', { first: false }))).toEqual({ added: false });
      expect((await store().getParkedDelivery('p1'))?.event.payload).toEqual({ first: true });
    });

    it('lists oldest first, by trigger and with a limit', async () => {
      await store().parkDelivery(parked('p1', 'pushpress.a.b'));
      await store().parkDelivery(parked('p2', 'pushpress.c.d'));
      await store().parkDelivery(parked('p3', 'pushpress.a.b'));
      expect((await store().listParkedDeliveries()).map((delivery) => delivery.id)).toEqual(['p1', 'p2', 'p3']);
      expect((await store().listParkedDeliveries({ trigger: 'pushpress.a.b' })).map((delivery) => delivery.id)).toEqual(['p1', 'p3']);
      expect((await store().listParkedDeliveries({ limit: 2 })).map((delivery) => delivery.id)).toEqual(['p1', 'p2']);
      await expect(store().listParkedDeliveries({ limit: -1 })).rejects.toMatchObject({ code: 'store.invalid_input' });
    });

    it('removes a parked delivery once, saying whether it was there', async () => {
      await store().parkDelivery(parked('p1'));
      expect(await store().removeParkedDelivery('p1')).toEqual({ removed: true });
      expect(await store().removeParkedDelivery('p1')).toEqual({ removed: false });
      expect(await store().getParkedDelivery('p1')).toBeUndefined();
      expect(await store().listParkedDeliveries()).toEqual([]);
    });

    it('refuses a parked delivery without an id, a trigger, a time or a reason', async () => {
      const good = parked('p1');
      for (const bad of [
        { ...good, event: { ...good.event, id: '' } },
        { ...good, event: { ...good.event, trigger: '' } },
        { ...good, receivedAt: '' },
        { ...good, reason: '' },
      ]) {
        await expect(store().parkDelivery(bad)).rejects.toMatchObject({ code: 'store.invalid_input' });
      }
      expect(await store().listParkedDeliveries()).toEqual([]);
    });

    it('keeps parked deliveries apart from the inbox', async () => {
      await store().parkDelivery(parked('p1'));
      expect(await store().getInboxEntry('p1')).toBeUndefined();
      expect(await store().addToInbox({ trigger: 'pushpress.customer.created', payload: {}, id: 'p1' }, T0)).toEqual({ added: true });
      expect(await store().getParkedDelivery('p1')).toBeDefined();
    });
  });
}
