import { ReportKeys } from '../auth/ReportKeys.js';
import { ReviewKeys } from '../auth/ReviewKeys.js';
import { FileService } from '../files/FileService.js';
import { RecordingService } from '../files/RecordingService.js';
import { DEFAULT_RECORDING_LIMITS } from '../files/recordingLimits.js';
import { createHttpApp } from '../http/createHttpApp.js';
import { createInternalApp } from '../http/createInternalApp.js';
import type { InterviewService } from '../interview/InterviewService.js';
import { OwnQuestionService } from '../ownQuestions/OwnQuestionService.js';
import { DEFAULT_OWN_QUESTION_LIMITS } from '../ownQuestions/ownQuestionLimits.js';
import { ReviewService } from '../review/ReviewService.js';
import type { RoomDeletion } from '../rooms/RoomDeletion.js';
import { ReplayService } from '../rounds/ReplayService.js';
import { ReportService } from '../rounds/ReportService.js';
import type { SimulationService } from '../simulation/SimulationService.js';
import type { AppOptions } from './AppOptions.js';
import type { CoreServices } from './coreServices.js';

/**
 * The two Express apps: the public one (API, pages, the built client) and the operators' one
 * (`/internal/...`, `/metrics`), which `live` tells how many sockets this node holds.
 */
export async function httpApps(
  core: CoreServices,
  options: AppOptions,
  parts: {
    interview: InterviewService;
    deletion: RoomDeletion;
    simulation: SimulationService;
    live: () => { sockets: number; documents: number };
  },
) {
  const { store, bank, docs, rooms, presence, readiness, cluster, limits, trust, nodeId, log, metrics } =
    core;
  const { deletion } = parts;
  const ownQuestionLimits = { ...DEFAULT_OWN_QUESTION_LIMITS, ...options.ownQuestionLimits };
  const recordingLimits = { ...DEFAULT_RECORDING_LIMITS, ...options.recordingLimits };
  const filesRefused = () => metrics.filesRefused.inc();
  const app = createHttpApp({
    ownQuestions: {
      service: new OwnQuestionService(store, ownQuestionLimits),
      limits: ownQuestionLimits,
      writes: cluster.limiter('own-questions', ownQuestionLimits.writesPerIpPerHour, 3600),
    },
    rooms,
    interview: parts.interview,
    reports: new ReportService(store, bank, docs),
    replay: new ReplayService(store, bank),
    files: new FileService(store, Date.now, options.filesTotalBytes, filesRefused),
    recordings: {
      service: new RecordingService(
        store,
        recordingLimits,
        cluster.limiter('recordings', recordingLimits.piecesPerMinute, 60),
        options.filesTotalBytes,
        filesRefused,
      ),
      pieceBytes: recordingLimits.pieceBytes,
    },
    readiness,
    deletion: { mayDelete: (p) => deletion.mayDelete(p), delete: (id) => deletion.delete(id, 'request') },
    simulation: parts.simulation,
    reviews: new ReviewService(store, bank, await ReviewKeys.load(store, options.tokenSecret)),
    reportKeys: await ReportKeys.load(store, options.tokenSecret),
    bank,
    clientDir: options.clientDir,
    publicUrl: options.publicUrl,
    roomCreation: cluster.limiter('rooms', limits.roomsPerIpPerHour, 3600),
    trustProxy: trust,
    nodeId,
    log,
    metrics,
  });
  const internalApp = createInternalApp({
    nodeId,
    servedRooms: () => ({
      rooms: docs.roomIds(),
      controlRooms: Object.fromEntries(presence.connectedRooms()),
      ...parts.live(),
    }),
    log,
    metrics,
    readiness,
    deleteRoom: (roomId) => deletion.delete(roomId, 'operator'),
  });
  return { app, internalApp };
}
