/**
 * The map frame for a region: township outlines and names, the county outline.
 */
import type { Shapes } from '$lib/data/queries/shapes';
import type { FrameData } from '$lib/map/atlas-map';
import { labelCollection, outlineCollection } from '$lib/map/frame';

export function frameFromShapes(townships: Shapes, county: Shapes): FrameData {
	return {
		townships: outlineCollection(townships),
		county: outlineCollection(county),
		townshipLabels: labelCollection(townships)
	};
}
