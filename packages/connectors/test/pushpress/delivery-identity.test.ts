import { describe, expect, it } from 'vitest';
import { customerIdOf, deliveryIdentity } from '@flowline/connectors';

describe('deliveryIdentity', () => {
  it('is event:data.id:created', () => {
    expect(deliveryIdentity('customer.created', 1764190000, { id: 'usr_1' })).toBe('customer.created:usr_1:1764190000');
  });

  it('uses installationId for app events', () => {
    expect(deliveryIdentity('app.uninstalled', 5, { installationId: 'ins_1', appId: 'a' })).toBe('app.uninstalled:ins_1:5');
  });

  it('falls back to a stable hash of data when the object has no id', () => {
    const first = deliveryIdentity('memberapp.updated', 5, { theme: 'dark' });
    expect(first).toBe(deliveryIdentity('memberapp.updated', 5, { theme: 'dark' }));
    expect(first).not.toBe(deliveryIdentity('memberapp.updated', 5, { theme: 'light' }));
    expect(first).toMatch(/^memberapp\.updated:sha256:[0-9a-f]{32}:5$/);
  });

  it('stands an id longer than 128 characters as its hash, so identities stay short', () => {
    const long = 'u'.repeat(900_000);
    const identity = deliveryIdentity('customer.created', 5, { id: long });
    expect(identity).toMatch(/^customer\.created:sha256:[0-9a-f]{32}:5$/);
    expect(identity).toBe(deliveryIdentity('customer.created', 5, { id: long }));
    expect(identity).not.toBe(deliveryIdentity('customer.created', 5, { id: `${long}v` }));
    expect(deliveryIdentity('customer.created', 5, { id: 'u'.repeat(128) })).toBe(`customer.created:${'u'.repeat(128)}:5`);
  });

  it('does not read ids from the prototype chain', () => {
    expect(deliveryIdentity('customer.deleted', 5, Object.create({ id: 'inherited' }) as object)).toMatch(/sha256:/);
  });
});

describe('customerIdOf', () => {
  it('reads the customer from the field each event family uses', () => {
    expect(customerIdOf('customer.status.changed', { id: 'usr_1' })).toBe('usr_1');
    expect(customerIdOf('checkin.updated', { id: 'chk', customer: 'usr_2' })).toBe('usr_2');
    expect(customerIdOf('checkin.deleted', { id: 'chk', customerId: 'usr_3' })).toBe('usr_3');
    expect(customerIdOf('enrollment.created', { id: 'enr', customerId: 'usr_4' })).toBe('usr_4');
  });

  it('has none for class, app and id-less events, or a null customerId', () => {
    expect(customerIdOf('class.canceled', { id: 'cls' })).toBeUndefined();
    expect(customerIdOf('app.installed', { installationId: 'i' })).toBeUndefined();
    expect(customerIdOf('enrollment.deleted', { id: 'enr' })).toBeUndefined();
    expect(customerIdOf('reservation.created', { id: 'r', customerId: null })).toBeUndefined();
  });
});
