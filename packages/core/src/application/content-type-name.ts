/**
 * What people call a file type: "PDF 文件", never `application/pdf`.
 */
const NAMES: Record<string, { zh: string; en: string }> = {
  'application/pdf': { zh: 'PDF 文件', en: 'PDF' },
  'image/jpeg': { zh: 'JPEG 图片', en: 'JPEG image' },
  'image/png': { zh: 'PNG 图片', en: 'PNG image' },
  'application/zip': { zh: 'ZIP 压缩包', en: 'ZIP archive' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    zh: 'Excel 表格',
    en: 'Excel workbook',
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    zh: 'Word 文档',
    en: 'Word document',
  },
};

export function contentTypeName(contentType: string): { zh: string; en: string } {
  const known = NAMES[contentType];
  if (known) return known;
  const subtype = contentType.split('/')[1]?.toUpperCase() ?? contentType;
  return { zh: `${subtype} 文件`, en: `${subtype} file` };
}

/** The accepted types of a document, as a sentence fragment in each language. */
export function contentTypeNames(contentTypes: readonly string[]): { zh: string; en: string } {
  const names = contentTypes.map(contentTypeName);
  return { zh: names.map((n) => n.zh).join('或'), en: names.map((n) => n.en).join(' or ') };
}
