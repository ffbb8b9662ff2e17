import type { TextModel } from './text-model';
import type { TranscriptionModel } from './transcription-model';

/** A source of models by id; every provider (HTTP or in-process) has this shape. */
export interface ModelProvider {
  /** Provider id, the part before `:`. */
  readonly name: string;
  /** Name shown to users ("Ollama", "Azure OpenAI"). */
  readonly displayName: string;
  /** True when data never leaves this server. */
  readonly local: boolean;
  /** Where data goes (host name), undefined for in-process providers. */
  readonly host?: string;
  /** A text model by id. */
  textModel(modelId: string): TextModel;
  /** A transcription model by id; undefined when the provider has none. */
  transcriptionModel?(modelId: string): TranscriptionModel;
}
