import { Injectable, OnModuleInit } from '@nestjs/common';
import { partyIdentityChangedV1 } from '@ccsc/contracts';
import { EventHandlers } from '@ccsc/messaging';
import { DefendantIdentities } from '../application/defendant-identities';

/** Cases' matches of a party with parties of other cases: who a fine account's defendant is across cases. */
@Injectable()
export class PartyIdentityConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly identities: DefendantIdentities,
  ) {}

  onModuleInit() {
    this.handlers.on(partyIdentityChangedV1, (event, manager) => this.identities.record(manager, event));
  }
}
