import { type Caller } from '@antt/auth';
import { type Clock, createEntityLoader, isUuid } from '@antt/service-kit';
import { type DirectoryEntry } from '@antt/unit-directory';
import DataLoader from 'dataloader';
import { type ModelsInput } from '../shared';
import { type ModelPolicy } from './model.policy';
import { type ModelRepository } from './model.repository';
import { type HostChangeView, type ModelStatus, type ModelTypeView, type ModelView, type StatusChangeView } from './model.types';

/** Reads of models, cut to what the caller may see: anything else is answered as absent. One instance per request. */
export class ModelQueryService {
  private typesCache: Promise<Map<string, ModelTypeView>> | null = null;
  /** References arrive in batches (`_entities`, `replicatedFrom` of a list): one query per tick. */
  private readonly byId = createEntityLoader((ids: readonly string[]) => this.models.findMany(ids), (model) => model.id);
  /** `Unit.models` of a list of units: each unit's ancestors today in one statement, … */
  private readonly chainsToday = new DataLoader<string, DirectoryEntry[]>(
    (unitIds) => this.models.directory.ancestorsOfEach(unitIds.map((unitId) => ({ unitId, asOf: this.clock.today() }))),
    { maxBatchSize: 1000 },
  );
  /** … and their models in one query per status asked (key: `status|unitId`). */
  private readonly hosted = new DataLoader<string, ModelView[]>(
    async (keys) => {
      const byStatus = new Map<string, string[]>();
      for (const key of keys) {
        const [status = '', unitId = ''] = key.split('|');
        byStatus.set(status, [...(byStatus.get(status) ?? []), unitId]);
      }
      const found = new Map<string, ModelView[]>();
      for (const [status, unitIds] of byStatus) {
        for (const model of await this.models.hostedBy(unitIds, { status: (status || null) as ModelStatus | null })) {
          const key = `${status}|${model.hostUnitId}`;
          found.set(key, [...(found.get(key) ?? []), model]);
        }
      }
      return keys.map((key) => found.get(key) ?? []);
    },
    { maxBatchSize: 1000 },
  );

  constructor(
    private readonly models: ModelRepository,
    private readonly policy: ModelPolicy,
    private readonly clock: Clock,
    private readonly input: ModelsInput,
  ) {}

  async model(caller: Caller, rawId: string): Promise<ModelView | null> {
    const id = this.input.id(rawId, 'id');
    return this.visible(caller, await this.models.find(id));
  }

  /** `__resolveReference`: an id that is not a UUID is simply unknown. */
  async reference(caller: Caller, id: string): Promise<ModelView | null> {
    return isUuid(id) ? this.visible(caller, await this.byId.load(id.toLowerCase())) : null;
  }

  async list(caller: Caller, args: { unitId?: string | null; asOf?: string | null; status?: ModelStatus | null; typeCode?: string | null; first?: number | null }): Promise<ModelView[]> {
    const first = this.input.pageSize(args.first, 5000, 500);
    const typeCode = args.typeCode ? this.input.code(args.typeCode, 'typeCode') : null;
    const unitId = this.input.optionalId(args.unitId, 'unitId');
    const today = args.asOf ? this.input.date(args.asOf, 'asOf') : this.clock.today();
    const root = unitId ?? this.policy.listRoot(caller);
    if (root === null) return this.models.hostedBy(null, { status: args.status, typeCode, first });
    if (!(await this.policy.canReadUnit(this.models.directory, caller, root, [today]))) return [];
    const hosts = [root, ...(await this.models.directory.descendantsOf(root, today)).map((entry) => entry.unitId)];
    return this.models.hostedBy(hosts, { status: args.status, typeCode, first });
  }

  /** The models a unit hosts today; empty when the unit is not visible. */
  async hostedBy(caller: Caller, unitId: string, status: ModelStatus | null | undefined): Promise<ModelView[]> {
    // canReadUnit on today, batched: the chains of every unit of the request in one statement.
    const id = unitId.toLowerCase();
    if (!this.policy.canReadUnitInChains(caller, [await this.chainsToday.load(id)])) return [];
    return this.hosted.load(`${status ?? ''}|${id}`);
  }

  async replicatedFrom(caller: Caller, model: ModelView): Promise<ModelView | null> {
    return model.replicatedFromId ? this.visible(caller, await this.byId.load(model.replicatedFromId)) : null;
  }

  async replicas(caller: Caller, model: ModelView): Promise<ModelView[]> {
    const replicas = await this.models.replicas(model.id);
    const visible = await Promise.all(replicas.map((replica) => this.visible(caller, replica)));
    return visible.filter((replica): replica is ModelView => replica !== null);
  }

  async type(model: ModelView): Promise<ModelTypeView> {
    this.typesCache ??= this.models.types().then((types) => new Map(types.map((type) => [type.code, type])));
    return (await this.typesCache).get(model.typeCode) ?? { code: model.typeCode, name: model.typeCode, description: null, active: false };
  }

  types(): Promise<ModelTypeView[]> {
    return this.models.types();
  }

  history(model: ModelView): Promise<StatusChangeView[]> {
    return this.models.history(model.id);
  }

  hostHistory(model: ModelView): Promise<HostChangeView[]> {
    return this.models.hostHistory(model.id);
  }

  private async visible(caller: Caller, model: ModelView | null): Promise<ModelView | null> {
    if (!model) return null;
    return (await this.policy.canRead(this.models.directory, caller, model.hostUnitId, [this.clock.today(), model.statusOn])) ? model : null;
  }
}
