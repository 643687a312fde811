import type { EventFields } from '../../../../shared/contract/openweek';

/** The fields a collective fills in, as stored: the same for a new event and an edit. */
export function editableFields(input: EventFields) {
  return {
    campaignId: input.campaignId,
    type: input.type,
    title: input.title,
    description: input.description,
    coverUrl: input.coverUrl || null,
    startAt: input.startAt,
    endAt: input.endAt,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    capacity: input.capacity,
    signupOpensAt: input.signupOpensAt,
    signupClosesAt: input.signupClosesAt,
    requiresApproval: input.requiresApproval,
    cancelHoursBefore: input.cancelHoursBefore,
    askPhone: input.askPhone,
    extraQuestion: input.extraQuestion || null,
  };
}
