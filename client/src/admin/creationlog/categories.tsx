import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CategoryListView } from '../../../../shared/contract/creationlog-views';
import { MAX_CATEGORIES, MAX_CATEGORY_LABEL } from '../../../../shared/domain/creationlog/categories';
import { FormField } from '../../components/FormField';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Screen, Section } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { useSignedIn } from '../../hooks/useSession';
import { creationLogCategories, setCreationLogCategories } from '../../services';
import '../../components/creationlog.css';

type Row = CategoryListView['categories'][number] & { key: string };

const TITLE = '创建日志类别';
const rowsOf = (list: CategoryListView): Row[] => list.categories.map((c) => ({ ...c, key: c.code }));

/**
 * The office sets a campaign's (`campaignId`) creation-log categories: renames, adds, hides from new entries, or
 * removes one no entry has. A category in use keeps its name and can only be hidden (the server checks it again).
 */
export default function CreationLogCategories() {
  const { params } = useRouter();
  const campaignId = params.campaignId ?? '';
  const guard = useSignedIn({ audiences: ['office'] });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const load = () =>
    void creationLogCategories({ campaignId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setRows(rowsOf(r.data));
      setVersion(r.data.version);
    });
  useEffect(() => {
    if (guard.state === 'ready') load();
  }, [guard.state, campaignId]);

  if (guard.state === 'unreachable') return <Screen title={TITLE}><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title={TITLE}><Notice>只有组委会办公室可以设置</Notice></Screen>;
  if (error) return <Screen title={TITLE} className="cl-categories"><LoadFailed message={error} onRetry={load} /></Screen>;
  if (rows === null) return <Screen title={TITLE} className="cl-categories"><View className="list-foot list-loading">加载中…</View></Screen>;

  const change = (key: string, patch: Partial<Row>) => {
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setFieldError(undefined);
  };
  const add = () => setRows([...rows, { key: `new-${Date.now()}`, code: '', label: '', hidden: false, inUse: false }]);
  const remove = (key: string) => setRows(rows.filter((r) => r.key !== key));

  const save = async () => {
    setSaving(true);
    const categories = rows.map((r) => ({ ...(r.code ? { code: r.code } : {}), label: r.label, hidden: r.hidden }));
    const result = await setCreationLogCategories({ campaignId, version, categories });
    setSaving(false);
    if (!result.ok) return setFieldError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
    setRows(rowsOf(result.data));
    setVersion(result.data.version);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <Screen title={TITLE} className="cl-categories">
      <Section title={version === 0 ? '当前为默认类别' : '本创建工作的类别'}>
        {rows.map((row, i) => (
          <View key={row.key} className={`cl-category category-row-${i}`}>
            <FormField
              name={`category-${i}`}
              label={`类别${i + 1}`}
              value={row.label}
              maxLength={MAX_CATEGORY_LABEL}
              disabled={row.inUse}
              onChange={(label) => change(row.key, { label })}
            />
            <View className="cl-category__actions">
              {row.inUse ? <Text className="cl-category__in-use">已有动态使用</Text> : null}
              <Tappable className={`link btn-hide-category-${i}`} label={row.hidden ? '对新动态显示' : '对新动态隐藏'} onTap={() => change(row.key, { hidden: !row.hidden })}>
                {row.hidden ? '已隐藏 · 改为显示' : '显示中 · 改为隐藏'}
              </Tappable>
              {row.inUse ? null : (
                <Tappable className={`link cl-category__remove btn-remove-category-${i}`} label={`删除类别${i + 1}`} onTap={() => remove(row.key)}>
                  删除
                </Tappable>
              )}
            </View>
          </View>
        ))}
        {fieldError ? <Text className="field-error field-error--categories">{fieldError}</Text> : null}
      </Section>
      <Notice tone="info">{`1—${MAX_CATEGORIES}个类别，每个不超过${MAX_CATEGORY_LABEL}个字，不能重复。已有动态使用的类别不能删除或改名，只能对新动态隐藏；动态填写和管理员筛选使用本创建工作的类别。`}</Notice>
      <View className="form-actions">
        {rows.length < MAX_CATEGORIES ? (
          <Button className="btn-add-category" block onClick={add}>
            添加类别
          </Button>
        ) : null}
        <Button className="btn-save-categories" type="primary" block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </Screen>
  );
}
