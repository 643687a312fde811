import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract, type UnitView } from '../../../../shared/contract';
import { ADMINS, ISSUERS, audienceOf } from '../../../../shared/domain/roles';
import { MAX_UNIT_LEVEL } from '../../../../shared/domain/unit-tree';
import { ChoiceField } from '../../components/ChoiceField';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { createUnit, listUnits } from '../../services';
import { unitKindLabel } from '../../format';
import { go, replace, ROUTES } from '../../routes';
import './index.css';

const KIND_CHOICES = [
  { value: 'industry', label: '行业' },
  { value: 'region', label: '地方' },
] as const;

/** The unit tree, one level at a time: `?parentId=` opens a unit (without it, the caller's own unit). */
export default function Units() {
  const { params } = useRouter();
  const parentId = params.parentId || undefined;
  const guard = useSignedIn({ audiences: ADMINS });
  const list = usePagedList(
    (cursor) => listUnits({ parentId, cursor }),
    parentId ?? '',
    guard.state === 'ready',
  );

  const parent = list.first?.parent ?? null;
  const ancestors = list.first?.ancestors ?? [];
  const canIssue = guard.state === 'ready' && ISSUERS.includes(audienceOf(guard.account));

  return (
    <GuardedScreen guard={guard} title="管理单位" className="units" denied={ADMIN_ONLY}>
      <View className="breadcrumb">
        {ancestors.map((unit) => (
          <View key={unit.id} className="breadcrumb__item">
            <Text className="breadcrumb__link" onClick={() => replace(ROUTES.adminUnits, { parentId: unit.id })}>
              {unit.name}
            </Text>
            <Text className="breadcrumb__sep">›</Text>
          </View>
        ))}
        {parent ? <Text className="breadcrumb__current">{parent.name}</Text> : null}
      </View>

      {parent ? (
        <Section className="unit-current">
          <View className="kv">
            <Text className="kv__key">单位</Text>
            <Text className="kv__value unit-name">{parent.name}</Text>
          </View>
          <View className="kv">
            <Text className="kv__key">归口</Text>
            <Text className="kv__value unit-kind">{unitKindLabel(parent)}</Text>
          </View>
          {parent.quota !== null ? (
            <View className="kv">
              <Text className="kv__key">名额</Text>
              <Text className="kv__value unit-quota">{parent.quota}</Text>
            </View>
          ) : null}
          <View className="unit-current__actions">
            <Button className="btn-unit-accounts" size="small" onClick={() => go(ROUTES.adminAccounts, { unitId: parent.id })}>
              本单位帐号
            </Button>
            <Button className="btn-unit-complaint" size="small" onClick={() => go(ROUTES.adminComplaintChannel, { unitId: parent.id })}>
              投诉渠道
            </Button>
            {canIssue ? (
              <Button className="btn-unit-issue" size="small" type="primary" onClick={() => go(ROUTES.adminIssue, { unitId: parent.id })}>
                派发用户名
              </Button>
            ) : null}
          </View>
        </Section>
      ) : null}

      <Section title="下级单位" className="unit-children">
        {list.items.map((unit) => (
          <UnitRow key={unit.id} unit={unit} />
        ))}
        <LoadMore list={list} empty="暂无下级单位" />
      </Section>

      {canIssue && parent && parent.level < MAX_UNIT_LEVEL ? <CreateUnit key={parent.id} parent={parent} onCreated={list.reload} /> : null}
    </GuardedScreen>
  );
}

function UnitRow({ unit }: { unit: UnitView }) {
  return (
    <View className="list-item unit-item" onClick={() => go(ROUTES.adminUnits, { parentId: unit.id })}>
      <View className="list-item__main">
        <View className="list-item__title unit-item__name">{unit.name}</View>
        <View className="list-item__meta">
          <Text className="unit-item__kind">{unitKindLabel(unit)}</Text>
          {unit.quota !== null ? <Text className="unit-item__quota">　名额 {unit.quota}</Text> : null}
        </View>
      </View>
      <Text className="list-item__arrow">›</Text>
    </View>
  );
}

function CreateUnit({ parent, onCreated }: { parent: UnitView; onCreated: () => void }) {
  /** Level-1 units (under the office's root) choose their channel; deeper ones inherit it. */
  const choosesKind = parent.level === 0;
  const form = useForm(contract.admin.createUnit.input, {
    initial: { name: '', kind: '' },
    fixed: { parentId: parent.id },
    optional: choosesKind ? [] : ['kind'],
  });
  const { toast, show } = useToast();

  const submit = async () => {
    const result = await form.submit((input) => createUnit(input));
    if (result?.ok) {
      show(`已新建：${result.data.unit.name}`, 'success');
      form.reset();
      onCreated();
    }
  };

  return (
    <Section title={`在「${parent.name}」下新建单位`} className="unit-create">
      <FormField {...form.field('name')} label="单位名称" placeholder="2至40个字" maxLength={40} />
      {choosesKind ? (
        <ChoiceField {...form.field('kind')} label="归口类型" options={KIND_CHOICES} />
      ) : null}
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-create-unit" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          新建下级单位
        </Button>
      </View>
      {toast}
    </Section>
  );
}
