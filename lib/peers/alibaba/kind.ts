/** The Alibaba peer kind's run-time registration (RULES.md scopes, `multicloud-vpn peers`); the type-level one is in ./view.ts. */
import { registerPeerKind } from '../../check/kit/peer-kinds';

registerPeerKind({
  kind: 'alibaba',
  title: 'the Alibaba Cloud design (and registered resource graph), in the Alibaba component before anything is created.',
});
