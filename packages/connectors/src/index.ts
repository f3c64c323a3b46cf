export {
  PUSHPRESS_SIGNATURE_HEADER,
  signPushPressData,
  verifyPushPressSignature,
  type VerifyPushPressSignatureOptions,
} from './pushpress/signature.js';
export {
  createPushPressReceiver,
  type PushPressReceiver,
  type ReceiverListenOptions,
  type RunningReceiver,
} from './pushpress/webhook-receiver.js';
export {
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_FUTURE_SECONDS,
  type PushPressReceiverOptions,
} from './pushpress/receiver-options.js';
export { WebhookRejection, type RejectionReason } from './pushpress/webhook-rejection.js';
export { PUSHPRESS_EVENT_NAMES, type PushPressEventName } from './pushpress/events.js';
export { customerIdOf, deliveryIdentity } from './pushpress/delivery-identity.js';
export { referencePushPressTriggers } from './pushpress/reference-triggers.js';
