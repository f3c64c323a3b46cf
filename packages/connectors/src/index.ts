export {
  PUSHPRESS_SIGNATURE_HEADER,
  signPushPressData,
  verifyPushPressSignature,
  type VerifyPushPressSignatureOptions,
} from './pushpress/signature.js';
