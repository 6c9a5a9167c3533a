import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@ccsc/platform';

/**
 * What every service's delivery-receipt route is: open to Notify's callback token alone (the route is also
 * in isThirdPartyCallback), 204 when taken, and documented the same. The service's controller names the
 * path (`POST /api/v1/<service>/correspondence/delivery-receipts`) and hands the body to DeliveryReceipts.
 */
export const DeliveryReceiptRoute = () =>
  applyDecorators(
    HttpCode(204),
    Public(),
    ApiOperation({
      summary: "GOV.UK Notify's delivery receipt; refused unless it carries the configured callback token",
      description:
        "For GOV.UK Notify only: its callback's JSON (`id`, `reference`, `status`, `notification_type`, `created_at`, `sent_at`, `completed_at`, …) with `Authorization: Bearer <NOTIFY_CALLBACK_TOKEN>`. A receipt repeated or arriving out of order changes nothing a final status has settled.",
    }),
    ApiNoContentResponse({ description: 'The receipt was taken' }),
    ApiUnauthorizedResponse({ description: 'The callback token is missing or wrong, or none is configured' }),
    ApiBadRequestResponse({ description: 'Not a Notify delivery receipt (the detail names the field)' }),
    ApiNotFoundResponse({ description: 'No notification of ours has this id or reference' }),
  );
