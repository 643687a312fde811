import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Envelope } from '../../../shared/envelope';
import { FormField } from './FormField';

export interface DecideRequestProps {
  /** What the opinion is called (审定意见, 审批意见). */
  label: string;
  maxLength: number;
  approveLabel: string;
  /** The rejecting button's text; 驳回 unless the decision is another kind (核实不属实). */
  rejectLabel?: string;
  /** Class names the page's tests find the buttons by. */
  approveClass: string;
  rejectClass: string;
  /** A destructive approval (cancelling an eligibility) is shown in red. */
  danger?: boolean;
  className: string;
  decide: (approve: boolean, comment: string) => Promise<Envelope<unknown>>;
  onDone: (approved: boolean) => void;
}

/** Approve or reject a request with a written opinion; a refusal is shown at the opinion, which keeps what was typed. */
export function DecideRequest({ label, maxLength, approveLabel, rejectLabel = '驳回', approveClass, rejectClass, danger, className, decide, onDone }: DecideRequestProps) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const run = async (approve: boolean) => {
    const result = await decide(approve, comment);
    if (result.ok) onDone(approve);
    else setError(result.error.fields?.comment ?? result.error.message);
  };
  return (
    <View className={className}>
      <FormField name="comment" label={label} multiline maxLength={maxLength} value={comment} error={error} onChange={setComment} />
      <View className="form-actions">
        <Button className={approveClass} type={danger ? 'danger' : 'primary'} block onClick={() => void run(true)}>{approveLabel}</Button>
        <Button className={rejectClass} block onClick={() => void run(false)}>{rejectLabel}</Button>
      </View>
    </View>
  );
}
