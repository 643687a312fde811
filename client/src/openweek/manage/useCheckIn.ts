import { useState } from 'react';
import { checkInAttendee } from '../../services';

export type CheckInNotice = { tone: 'success' | 'error'; text: string } | null;
export type CheckIn = (who: { code: string } | { signupId: string }) => Promise<boolean>;

/**
 * Checking an attendee in, by the code they show or from their row in the list; either way the outcome is
 * shown at the check-in desk. Answers whether the attendee is now checked in.
 */
export function useCheckIn(eventId: string, refresh: () => void): { notice: CheckInNotice; checkIn: CheckIn } {
  const [notice, setNotice] = useState<CheckInNotice>(null);
  const checkIn: CheckIn = async (who) => {
    if ('code' in who && !who.code.trim()) return false;
    const result = await checkInAttendee(eventId, 'code' in who ? { code: who.code.trim() } : who);
    if (result.ok) {
      setNotice({ tone: 'success', text: `${result.data.attendee.name} 签到成功（已签到 ${result.data.checkedIn}/${result.data.seatsTaken}）` });
      refresh();
    } else setNotice({ tone: 'error', text: result.error.fields?.code ?? result.error.message });
    return result.ok;
  };
  return { notice, checkIn };
}
