/** The Azure peer kind's run-time registration (RULES.md scopes, `multicloud-vpn peers`); the type-level one is in ./view.ts. */
import { registerPeerKind } from '../../check/kit/peer-kinds';

registerPeerKind({ kind: 'azure', title: 'the Azure resource arguments, in the Azure component before anything is created.' });
