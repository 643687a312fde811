import { readMp4 } from '../../cloudfunctions/app/common/mp4';
import { mp4File } from '../support/mp4';

describe('reading an uploaded video by its bytes', () => {
  it('knows an MP4 file and its duration from moov/mvhd', () => {
    expect(readMp4(mp4File({ seconds: 12.5 }))).toEqual({ ok: true, durationSeconds: 12.5 });
  });

  it('finds moov after mdat, where cameras write it', () => {
    expect(readMp4(mp4File({ seconds: 59, moovLast: true, mediaBytes: 4096 }))).toEqual({ ok: true, durationSeconds: 59 });
  });

  it('reads a version 1 mvhd with 64-bit times and duration', () => {
    expect(readMp4(mp4File({ seconds: 61, mvhdVersion: 1, moovLast: true }))).toEqual({ ok: true, durationSeconds: 61 });
  });

  it('accepts an MP4 brand named only among the compatible brands', () => {
    expect(readMp4(mp4File({ brand: 'XAVC', compatible: ['XAVC', 'mp42'] })).ok).toBe(true);
  });

  it('refuses a QuickTime file, which is ISO BMFF but not MP4', () => {
    expect(readMp4(mp4File({ brand: 'qt  ', compatible: ['qt  '] }))).toEqual({ ok: false, problem: 'notMp4' });
  });

  it('refuses bytes of another type whatever their name says', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(60).fill(0)]);
    expect(readMp4(jpeg)).toEqual({ ok: false, problem: 'notMp4' });
    expect(readMp4(Buffer.alloc(0))).toEqual({ ok: false, problem: 'notMp4' });
  });

  it('refuses an MP4 whose moov was never written (a recording cut off)', () => {
    expect(readMp4(mp4File({ withoutMoov: true }))).toEqual({ ok: false, problem: 'noDuration' });
  });

  it('refuses a box whose size runs past the end of the file', () => {
    const truncated = mp4File({ moovLast: true }).subarray(0, -10);
    expect(readMp4(truncated)).toEqual({ ok: false, problem: 'noDuration' });
  });
});
