import { Text, View } from '@tarojs/components';
import type { AccountView } from '../../../shared/contract';
import { roleLabel, STATUS_LABELS } from '../format';

export function StatusTag({ status }: { status: AccountView['status'] }) {
  return <Text className={`tag tag--${status} account-status`}>{STATUS_LABELS[status]}</Text>;
}

/** One account in a list: name, code, role, unit, status. */
export function AccountRow({ account, onClick }: { account: AccountView; onClick: () => void }) {
  return (
    <View className="list-item account-item" onClick={onClick}>
      <View className="list-item__main">
        <View className="list-item__title">
          <Text className="account-item__name">{account.name}</Text>
        </View>
        <View className="list-item__meta">
          <Text className="account-item__code">{account.code}</Text>
          <Text>　{roleLabel(account)}　{account.unitName}</Text>
        </View>
      </View>
      <View className="list-item__side">
        <StatusTag status={account.status} />
      </View>
      <Text className="list-item__arrow">›</Text>
    </View>
  );
}
