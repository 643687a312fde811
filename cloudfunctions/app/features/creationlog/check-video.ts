import type { contract } from '../../../../shared/contract';
import { MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS } from '../../../../shared/domain/creationlog/categories';
import type { CreationVideoDoc } from '../../collections/creationlog';
import { readMp4 } from '../../common/mp4';
import { filesOf } from '../../common/uploads';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { myCollective } from './entries';
import { checkedVideo, videoIdIn, videoRefusal } from './videos';

/**
 * A video the device put into the collective's folder, checked by what its bytes are (not what the device
 * says): an MP4 file, at most 50 MB and 60 seconds by its `moov/mvhd` box. Counted once against the
 * collective's daily upload quota (count and bytes, shared with images and open week) and recorded, so
 * saving an entry that names it reads nothing again. Another collective's file, or any other address, is refused.
 */
export const checkVideo: Handler<typeof contract.creationlog.checkVideo> = async (ctx, input) => {
  const files = filesOf(ctx);
  const collective = await myCollective(ctx);
  const id = videoIdIn(ctx, collective.id, input.url);
  const notUploaded = () => videoRefusal('VIDEO_NOT_UPLOADED', '视频：请通过“添加视频”上传', 'url');
  if (!id) throw notUploaded();
  const known = await ctx.store.get<CreationVideoDoc>('creationVideos', id);
  if (known) return { video: checkedVideo(known) };
  const bytes = await files.read(input.url);
  if (!bytes) throw notUploaded();
  const invalid = (message: string) => videoRefusal('VIDEO_INVALID', message, 'url');
  if (bytes.length > MAX_VIDEO_BYTES) throw invalid(`视频：不能超过${MAX_VIDEO_BYTES / 1024 / 1024}MB`);
  const facts = readMp4(bytes);
  if (!facts.ok && facts.problem === 'notMp4') throw invalid('视频：请上传 MP4 格式的视频');
  if (!facts.ok) throw invalid('视频：读不出时长，请重新导出为 MP4 后上传');
  if (facts.durationSeconds > MAX_VIDEO_SECONDS) throw invalid(`视频：不能超过${MAX_VIDEO_SECONDS}秒（这个视频约${Math.ceil(facts.durationSeconds)}秒）`);
  await checkLimits(ctx, 'upload', { collective: collective.id, bytes: bytes.length });
  const doc: CreationVideoDoc = {
    id,
    collectiveId: collective.id,
    url: input.url,
    seconds: Math.round(facts.durationSeconds * 10) / 10,
    bytes: bytes.length,
    checkedAt: ctx.now().toISOString(),
  };
  await ctx.store.insert('creationVideos', doc);
  return { video: checkedVideo(doc) };
};
