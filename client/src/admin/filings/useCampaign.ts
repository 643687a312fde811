import { useEffect, useState } from 'react';
import type { CampaignView } from '../../../../shared/contract/filing-views';
import { listCampaigns } from '../../services';

/** The newest campaign (the one the console reviews), once signed in. */
export function useLatestCampaign(enabled: boolean): { campaign: CampaignView | null; error: string | null } {
  const [state, setState] = useState<{ campaign: CampaignView | null; error: string | null }>({ campaign: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    void listCampaigns({}).then((result) =>
      setState(result.ok ? { campaign: result.data.items[0] ?? null, error: result.data.items[0] ? null : '暂无创建工作' } : { campaign: null, error: result.error.message }),
    );
  }, [enabled]);
  return state;
}
