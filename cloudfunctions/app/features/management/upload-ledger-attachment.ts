import type { contract } from '../../../../shared/contract';
import { checkedUpload, filesOf } from '../../common/uploads';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { ledgerFolder } from './ledger';

/** A photo or PDF for the caller's own unit's ledger, checked to be what it claims; an entry then names it. */
export const uploadLedgerAttachment: Handler<typeof contract.management.uploadLedgerAttachment> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const { bytes, ext } = checkedUpload(input, 'ATTACHMENT_INVALID');
  const url = await filesOf(ctx).save(`${ledgerFolder(actor.unitId)}${newId()}.${ext}`, bytes, input.contentType);
  return { attachment: { url, name: input.fileName, contentType: input.contentType } };
};
