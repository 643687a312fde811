import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { MAX_IMAGE_BYTES, MAX_THUMBNAIL_BYTES } from '../../../../shared/domain/creationlog/categories';
import type { CheckedImage, CreationUploadDoc } from '../../collections/creationlog';
import { filesOf, isOfType, typeOfKey } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { myCollective } from './entries';
import { imageRefusal } from './images';
import { uploadIdIn } from './uploads';

const KB = 1024;
const sizeText = (bytes: number) => (bytes >= KB * KB ? `${bytes / KB / KB}MB` : `${bytes / KB}KB`);

/**
 * 添加图片, second step: the image and thumbnail the device put at the paths `imageUploadPath` issued, checked by
 * what their bytes are (JPEG or PNG as their names say, at most 2 MB and 200 KB), then counted once against the
 * collective's daily upload quota (count and bytes, shared with videos and open week) and recorded, so saving an
 * entry that names the image reads nothing again. Another collective's files, or any other address, are refused.
 */
export const checkImage: Handler<typeof contract.creationlog.checkImage> = async (ctx, input) => {
  const files = filesOf(ctx);
  const collective = await myCollective(ctx);
  const id = uploadIdIn(ctx, collective.id, input.url);
  const upload = id ? await ctx.store.get<CreationUploadDoc>('creationUploads', id) : null;
  const [imageKey, thumbnailKey] = upload?.kind === 'image' ? upload.keys : [];
  if (!upload || upload.removing || files.keyOf(input.url) !== imageKey) throw imageRefusal('url');
  if (files.keyOf(input.thumbnailUrl) !== thumbnailKey) throw imageRefusal('thumbnailUrl');
  if (upload.image) return { image: upload.image };

  const [image, thumbnail] = await Promise.all([files.read(input.url), files.read(input.thumbnailUrl)]);
  if (!image) throw imageRefusal('url');
  if (!thumbnail) throw imageRefusal('thumbnailUrl');
  const invalid = (field: 'url' | 'thumbnailUrl', message: string) => new AppError('PHOTO_INVALID', message, { [field]: message });
  const checks = [
    { field: 'url' as const, label: '图片', bytes: image, key: imageKey, max: MAX_IMAGE_BYTES },
    { field: 'thumbnailUrl' as const, label: '缩略图', bytes: thumbnail, key: thumbnailKey, max: MAX_THUMBNAIL_BYTES },
  ];
  for (const { field, label, bytes, key, max } of checks) {
    const type = typeOfKey(key);
    if (!type || !isOfType(bytes, type)) throw invalid(field, `${label}：请上传 JPEG 或 PNG 图片`);
    if (bytes.length > max) throw invalid(field, `${label}：不能超过${sizeText(max)}`);
  }

  await checkLimits(ctx, 'upload', { collective: collective.id, bytes: image.length + thumbnail.length });
  const checked: CheckedImage = { url: input.url, thumbnailUrl: input.thumbnailUrl, bytes: image.length + thumbnail.length };
  // The purge job may have begun deleting it meanwhile: then it is not recorded as checked.
  if (!(await ctx.store.update('creationUploads', upload.id, { set: { image: checked } }, { removing: false }))) throw imageRefusal('url');
  return { image: checked };
};
