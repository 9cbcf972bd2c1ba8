/** Simulcast layers as Janus numbers them: 0 low, 1 medium, 2 high. */
export type Substream = 0 | 1 | 2;

/** Janus relays a new subscription's top substream until it is told otherwise. */
export const JANUS_START_SUBSTREAM: Substream = 2;

/**
 * Encodings sent high to low: Janus takes the first rid as the highest layer.
 * Bitrates are per-layer ceilings for a 1280x720 camera.
 */
export const CAMERA_ENCODINGS: RTCRtpEncodingParameters[] = [
  { rid: 'h', maxBitrate: 1_200_000 },
  { rid: 'm', maxBitrate: 400_000, scaleResolutionDownBy: 2 },
  { rid: 'l', maxBitrate: 120_000, scaleResolutionDownBy: 4 },
];

/** Frame heights of the layers for a 720p source, lowest first. */
const LAYER_HEIGHTS: readonly number[] = [180, 360, 720];

/** What a layer costs on the downlink, roughly its ceiling above. */
const LAYER_BITRATES: readonly number[] = [120_000, 400_000, 1_200_000];

export type TileRole = 'speaker' | 'screen' | 'grid' | 'thumbnail';

/**
 * The layer a tile needs: the speaker and screen shares always get the
 * highest, other tiles the smallest layer that is not visibly upscaled
 * (a little upscaling, up to a third, looks fine and saves a lot).
 */
export function layerForTile(role: TileRole, heightDevicePx: number): Substream {
  if (role === 'speaker' || role === 'screen') return 2;
  const index = LAYER_HEIGHTS.findIndex((height) => height * 1.34 >= heightDevicePx);
  return (index === -1 ? 2 : index) as Substream;
}

export interface LayerWant {
  readonly mid: string;
  readonly layer: Substream;
}

/**
 * Fits the wanted layers into a downlink budget: while the sum is over
 * budget, the tile on the highest layer steps down one (ties: the later
 * one, since tiles come in display order and the first is the most important).
 */
export function fitLayersToBudget(wants: readonly LayerWant[], budgetBps: number | null): Map<string, Substream> {
  const layers = new Map(wants.map((want) => [want.mid, want.layer]));
  if (budgetBps === null) return layers;
  const total = () => [...layers.values()].reduce<number>((sum, layer) => sum + (LAYER_BITRATES[layer] ?? 0), 0);
  while (total() > budgetBps) {
    let pick: string | null = null;
    let pickLayer = 0;
    for (const [mid, layer] of layers) {
      if (layer > 0 && layer >= pickLayer) {
        pick = mid;
        pickLayer = layer;
      }
    }
    if (pick === null) break;
    layers.set(pick, (pickLayer - 1) as Substream);
  }
  return layers;
}
