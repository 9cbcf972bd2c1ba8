export const ANNOTATION_TOOLS = ['pen', 'highlighter', 'arrow', 'rectangle', 'text', 'laser'] as const;
export type AnnotationTool = (typeof ANNOTATION_TOOLS)[number];
