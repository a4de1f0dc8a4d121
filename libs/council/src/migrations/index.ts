import { CreateCouncil1795400000780 } from './1795400000780-create-council.migration';
import { AllowMeetingCancellation1795400000820 } from './1795400000820-allow-meeting-cancellation.migration';

export const COUNCIL_MIGRATIONS = [CreateCouncil1795400000780, AllowMeetingCancellation1795400000820];
