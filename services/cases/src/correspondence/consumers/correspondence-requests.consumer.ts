import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { enforcementCorrespondenceRequestedV1 } from '@ccsc/contracts';
import { correspondenceRequestId, type TemplateSet } from '@ccsc/correspondence';
import { EventHandlers } from '@ccsc/messaging';
import {
  CASES_CORRESPONDENCE_RULES,
  CASES_RECIPIENT_PLACEHOLDER,
  checkCasesCorrespondenceRules,
} from '../domain/cases-correspondence-rules';
import { CORRESPONDENCE_TEMPLATES, CorrespondenceRecorder } from '../application/correspondence-recorder';
import { CorrespondenceItemRepository } from '../infrastructure/correspondence-item.repository';

/**
 * Records correspondence in the inbox transaction of the event that asks for it: other services'
 * requests (enforcement's notices about a fine account), and cases' own rule table (a hearing listed or
 * called off, to every party of the case). The item and the inbox row commit together, so an event
 * handled twice, or a request repeated under a new event, is one item.
 */
@Injectable()
export class CorrespondenceRequestsConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: EventHandlers,
    private readonly recorder: CorrespondenceRecorder,
    private readonly items: CorrespondenceItemRepository,
    @Inject(CORRESPONDENCE_TEMPLATES) private readonly templates: TemplateSet,
  ) {}

  onModuleInit() {
    checkCasesCorrespondenceRules(this.templates);

    this.handlers.on(enforcementCorrespondenceRequestedV1, async (event, manager) => {
      const d = event.data;
      await this.recorder.record(
        manager,
        {
          requestId: d.requestId,
          caseId: d.caseId,
          partyId: d.partyId,
          template: d.template,
          values: d.values,
          ...(d.recipientNameAs ? { recipientNameAs: d.recipientNameAs } : {}),
          ...(d.about ? { about: d.about } : {}),
          source: event.source,
        },
        new Date(event.time),
      );
    });

    for (const rule of CASES_CORRESPONDENCE_RULES) {
      this.handlers.on(rule.type, async (event, manager) => {
        if (rule.when && !rule.when(event.data)) return;
        const caseId = rule.caseId(event.data);
        const reference = await this.items.caseReference(manager, caseId);
        if (!reference) return;
        const values = rule.values(event.data, { reference });
        for (const partyId of await this.items.partyIds(manager, caseId)) {
          await this.recorder.record(
            manager,
            {
              requestId: correspondenceRequestId(event.id, rule.template, partyId),
              caseId,
              partyId,
              template: rule.template,
              values,
              recipientNameAs: CASES_RECIPIENT_PLACEHOLDER,
              source: 'cases',
            },
            new Date(event.time),
          );
        }
      });
    }
  }
}
