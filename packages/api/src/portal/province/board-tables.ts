/**
 * The province board's sections as tables of text (issue 12 items 8–9): the page
 * draws them and the downloads write them through the export mechanism, from the same
 * rows, so a file says exactly what the page says. Names in Chinese (the city, the
 * member, the ground as the tenant's rule words it), times in Beijing time.
 */
import { formatDeadline, type ResolvedTenant } from '@sme/core';
import type { ExportTable, Platform } from '@sme/platform';
import { beijing } from '../shell/text.js';

type Family = ReadonlyMap<string, ResolvedTenant>;
type ProvinceBoard = Awaited<ReturnType<Platform['supervision']['provinceBoard']['board']>>;

/** A rectification ground in the words of the tenant's rule (whichever program it governs). */
function groundName(tenant: ResolvedTenant | undefined, ground: string): string {
  for (const rule of tenant?.supervision.rules ?? []) {
    if (rule.kind !== 'rectification') continue;
    const found = rule.grounds.find((g) => g.id === ground);
    if (found) return found.zh;
  }
  return ground;
}

/** `3 天 4 小时`: how long since the order fell due. */
export function overdueFor(dueAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? `${days} 天 ${hours} 小时` : `${hours} 小时 ${minutes % 60} 分`;
}

const cityName = (family: Family, id: string) => family.get(id)?.name.zh ?? id;

export function overdueTable(board: ProvinceBoard, family: Family, now: Date): ExportTable {
  return {
    name: `逾期未整改清单（${beijing(now).slice(0, 10)}）`,
    title: '逾期未整改清单',
    columns: [
      { header: '服务商', width: 30 },
      { header: '城市', width: 10 },
      { header: '统一社会信用代码', width: 22 },
      { header: '整改事由', width: 40 },
      { header: '整改期限（北京时间）', width: 20 },
      { header: '已逾期', width: 14 },
    ],
    rows: board.overdueOrders.map((o) => [
      o.name ?? o.uscc,
      cityName(family, o.tenant),
      o.uscc,
      groundName(family.get(o.tenant), o.ground),
      // As notices write a deadline: 24:00 of its last day.
      formatDeadline(new Date(o.dueAt)),
      overdueFor(o.dueAt, now),
    ]),
  };
}

export function removedTable(
  board: ProvinceBoard,
  family: Family,
  names: ReadonlyMap<string, string>,
  now: Date,
): ExportTable {
  const cities = (ids: string[]) => ids.map((id) => cityName(family, id)).join('、');
  return {
    name: `异地被清退服务商清单（${beijing(now).slice(0, 10)}）`,
    title: '在一市被清退、在他市仍在库的服务商',
    columns: [
      { header: '服务商', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '清退城市', width: 20 },
      { header: '仍在库城市', width: 20 },
    ],
    rows: board.removedElsewhere.map((r) => [
      names.get(r.uscc) ?? r.uscc,
      r.uscc,
      cities(r.removedIn),
      cities(r.activeIn),
    ]),
  };
}

export function complaintsTable(board: ProvinceBoard, family: Family, now: Date): ExportTable {
  return {
    name: `多次被投诉服务商清单（${beijing(now).slice(0, 10)}）`,
    title: '多次被投诉的服务商',
    columns: [
      { header: '服务商', width: 30 },
      { header: '城市', width: 10 },
      { header: '统一社会信用代码', width: 22 },
      { header: '投诉次数', width: 10 },
    ],
    rows: board.severalComplaints.map((m) => [
      m.name,
      cityName(family, m.tenant),
      m.uscc,
      String(m.count),
    ]),
  };
}

export function stalledTable(board: ProvinceBoard, family: Family, now: Date): ExportTable {
  return {
    name: `停滞服务项目清单（${beijing(now).slice(0, 10)}）`,
    title: '长期无进展的服务项目',
    columns: [
      { header: '服务商', width: 30 },
      { header: '城市', width: 10 },
      { header: '项目', width: 30 },
      { header: '最近进展（北京时间）', width: 20 },
      { header: '无进展天数', width: 12 },
    ],
    rows: board.stalledEngagements.map((e) => [
      e.name,
      cityName(family, e.tenant),
      e.title,
      beijing(new Date(e.updatedAt)),
      String(e.idleDays),
    ]),
  };
}

export function missedTable(board: ProvinceBoard, family: Family, now: Date): ExportTable {
  return {
    name: `未按期更新信息服务商清单（${beijing(now).slice(0, 10)}）`,
    title: '未按期完成年度信息更新的服务商',
    columns: [
      { header: '服务商', width: 30 },
      { header: '城市', width: 10 },
      { header: '统一社会信用代码', width: 22 },
      { header: '年度', width: 8 },
    ],
    rows: board.missedUpdates.map((m) => [
      m.name,
      cityName(family, m.tenant),
      m.uscc,
      String(m.year),
    ]),
  };
}
