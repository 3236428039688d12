export interface TrainingView {
  id: string;
  modelId: string;
  heldOn: string;
  content: string;
  trainer: string;
  participants: number;
}

export interface RecordTrainingInput {
  modelId: string;
  heldOn: string;
  content: string;
  trainer: string;
  participants: number;
}
