import type { JsonValue } from '../../shared/json.js';
import type { LocationState } from '../state/store.js';
import { requireUser } from './calendar-model.js';

/** FollowersDTO's `followers`: user ids, each a user of the location (400 otherwise), once each. */
export function followerIds(location: LocationState, value: JsonValue | undefined): string[] {
  const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  for (const id of ids) requireUser(location, id, 'Follower');
  return [...new Set(ids)];
}

/** CreateAddFollowersSuccessfulResponseDto: everyone following now, and who is new. */
export function addFollowers(current: readonly string[], wanted: readonly string[]): { followers: string[]; followersAdded: string[] } {
  const followersAdded = wanted.filter((id) => !current.includes(id));
  return { followers: [...current, ...followersAdded], followersAdded };
}

/** DeleteFollowersSuccessfulResponseDto: who still follows, and who was removed. */
export function removeFollowers(current: readonly string[], unwanted: readonly string[]): { followers: string[]; followersRemoved: string[] } {
  return { followers: current.filter((id) => !unwanted.includes(id)), followersRemoved: current.filter((id) => unwanted.includes(id)) };
}
