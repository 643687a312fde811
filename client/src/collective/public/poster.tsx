import { useEffect, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ADMINS } from '../../../../shared/domain/roles';
import { GuardedScreen } from '../../components/GuardedScreen';
import { LoadFailed } from '../../components/LoadFailed';
import { Picture } from '../../components/Picture';
import { PrintButton } from '../../components/PrintButton';
import { qrDataUrl } from '../../components/qr';
import { useSignedIn } from '../../hooks/useSession';
import { posterOf, type CallOutput } from '../../services';
import './poster.css';

type Poster = CallOutput<'evaluation', 'posterOf'>;

/** A long 公开承诺 gets a smaller type so the poster stays one A4 page. */
const commitmentSize = (text: string) => (text.length > 400 ? 'small' : text.length > 160 ? 'medium' : 'large');

/**
 * The printable QR poster of a 三亮 page (A4 portrait): the 创建标识 of a 创建集体, the name, the 公开承诺
 * and a code that opens the page with 评价 one tap away — the mini-program code in WeChat, or a QR of the
 * H5 page where there is none. The collective's own poster, or (admins in scope) the one `code` names.
 */
export default function PosterPage() {
  const { params } = useRouter();
  const code = params.code ? decodeURIComponent(params.code) : undefined;
  const guard = useSignedIn({ audiences: ['collective', ...ADMINS] });
  const frame = { guard, title: '二维码海报', denied: '只有集体本身和其管理员可以生成二维码海报' };
  const [poster, setPoster] = useState<Poster | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (guard.state !== 'ready') return;
    void posterOf(code ? { code } : {}).then((r) => (r.ok ? setPoster(r.data) : setError(r.error.message)));
  }, [guard.state, code]);
  const h5Qr = useMemo(() => (poster && !poster.miniProgramCode ? qrDataUrl(poster.pageUrl, 'Byte') : null), [poster]);

  if (error) return <GuardedScreen {...frame} className="poster-page"><LoadFailed message={error} /></GuardedScreen>;
  if (!poster) return <GuardedScreen {...frame} className="poster-page"><View className="list-foot list-loading">加载中…</View></GuardedScreen>;
  const commitment = poster.commitment ?? '';

  return (
    <GuardedScreen {...frame} className="poster-page">
      <View className="poster">
        <View className="poster__brand">青年文明号</View>
        {poster.mark ? (
          <View className="poster__mark">
            <Text className="poster__mark-badge">{poster.mark.levelLabel}{poster.mark.statusLabel}</Text>
            <Text className="poster__mark-detail">{poster.mark.campaignName}（{poster.mark.term}）</Text>
          </View>
        ) : null}
        <View className="poster__name">{poster.name}</View>
        <View className="poster__pledge">
          <View className="poster__pledge-title">公开承诺</View>
          {commitment ? (
            <Text className={`poster__pledge-text poster__pledge-text--${commitmentSize(commitment)}`}>{commitment}</Text>
          ) : (
            <Text className="poster__pledge-empty no-print">尚未填写公开承诺：在“三亮主页”中填写后，海报上会显示。</Text>
          )}
        </View>
        <View className="poster__code">
          <Picture className="poster__qr" src={poster.miniProgramCode ?? h5Qr ?? ''} alt={`「${poster.name}」三亮主页二维码`} mode="aspectFit" />
          <View className="poster__scan">{poster.miniProgramCode ? '微信扫一扫' : '扫码'}　查看三亮主页　评价我们的服务</View>
          <View className="poster__public-code">公开编号 {poster.code}</View>
        </View>
      </View>
      <PrintButton elsewhere={<View className="poster-page__hint">在电脑浏览器中打开网页版并登录，可打印 A4 海报。</View>} />
    </GuardedScreen>
  );
}
