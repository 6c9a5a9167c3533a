import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BadUserInputError, isUuid, NotFoundError, SERVICE_CONFIG, UnauthenticatedError } from '@ccsc/platform';
import {
  DeliveryReceiptRejected,
  verifyNotifyCallback,
  type DeliveryReceipt,
} from '../notifications/notify-delivery-receipt';
import { statusAfterProvider } from './correspondence-item';
import { CorrespondenceItemRepository } from './correspondence-item.repository';
import type { CorrespondenceConfig } from './correspondence-settings';

/**
 * GOV.UK Notify's delivery receipts. Notify presents the bearer token we configured for the callback
 * (NOTIFY_CALLBACK_TOKEN), not a platform token, so the route is open to the token alone; without a token
 * configured every receipt is refused. A receipt finds its item by Notify's id or by our reference (the
 * item's id); one repeated, or arriving late and out of order, changes nothing an outcome has settled.
 */
@Injectable()
export class DeliveryReceipts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: CorrespondenceItemRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CorrespondenceConfig,
  ) {}

  async take(authorization: string | undefined, body: unknown): Promise<void> {
    const receipt = this.verified(authorization, body);
    await this.dataSource.transaction(async (manager) => {
      const item = await this.items.findForReceipt(manager, receipt.id, uuidOrNull(receipt.reference));
      if (!item) throw new NotFoundError('The notification');
      await this.items.recordReceipt(manager, item.id, {
        providerId: receipt.id,
        providerStatus: receipt.status,
        status: statusAfterProvider(item.status, receipt.status),
        completedAt: receipt.completedAt,
      });
    });
  }

  private verified(authorization: string | undefined, body: unknown): DeliveryReceipt {
    const token = this.config.NOTIFY_CALLBACK_TOKEN;
    if (!token) throw new UnauthenticatedError('Delivery receipts are not taken: no callback token is configured');
    try {
      return verifyNotifyCallback(authorization, body, token);
    } catch (error) {
      if (!(error instanceof DeliveryReceiptRejected)) throw error;
      if (error.httpStatus === 401)
        throw new UnauthenticatedError('The delivery receipt does not carry the callback token');
      throw new BadUserInputError(error.message, []);
    }
  }
}

const uuidOrNull = (reference: string | null) => (reference && isUuid(reference) ? reference : null);
