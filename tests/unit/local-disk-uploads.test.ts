import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskFiles } from '../../cloudfunctions/adapters/files/local-disk-files';

describe('uploads the local host accepts from a device', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('only at a key a function allowed, once, with its size limit', () => {
    const files = new LocalDiskFiles(dir);
    expect(files.takeUpload('creationlog/c1/a.mp4')).toBeNull();
    files.allowUpload('creationlog/c1/a.mp4', 1000);
    expect(files.takeUpload('creationlog/c1/b.mp4')).toBeNull();
    expect(files.takeUpload('creationlog/c1/a.mp4')).toBe(1000);
    expect(files.takeUpload('creationlog/c1/a.mp4')).toBeNull();
  });

  test('not after an hour', () => {
    const files = new LocalDiskFiles(dir);
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2018-11-20T02:00:00Z'));
    files.allowUpload('creationlog/c1/a.mp4', 1000);
    now.mockReturnValue(Date.parse('2018-11-20T03:00:00Z'));
    expect(files.takeUpload('creationlog/c1/a.mp4')).toBeNull();
    now.mockRestore();
  });

  test('reads back what was saved, and nothing for an address that is not its own', async () => {
    const files = new LocalDiskFiles(dir);
    const url = await files.save('creationlog/c1/x.mp4', Buffer.from('bytes'));
    expect((await files.read(url))?.toString()).toBe('bytes');
    expect(await files.read('/files/creationlog/c1/none.mp4')).toBeNull();
    expect(await files.read('/files/../../etc/passwd')).toBeNull();
    expect(await files.read('https://example.com/x.mp4')).toBeNull();
  });

  test('removes a file by its key; a file already gone, or a key outside its folder, is nothing', async () => {
    const files = new LocalDiskFiles(join(dir, 'store'));
    const url = await files.save('creationlog/c1/gone.png', Buffer.from('bytes'));
    const above = new LocalDiskFiles(dir);
    const outside = await above.save('keep.png', Buffer.from('kept'));
    await files.remove('creationlog/c1/gone.png');
    expect(await files.read(url)).toBeNull();
    await files.remove('creationlog/c1/gone.png');
    await files.remove('../keep.png');
    expect((await above.read(outside))?.toString()).toBe('kept');
  });
});
