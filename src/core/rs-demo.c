/* rs-demo.c — 90 days of a Chinese trading company, played through core as its staff would.
 *
 * A plan is drawn first (a fixed seed, so every demo database tells the same story): which
 * return ends in which state, when each of its steps happened, what was wrong with the goods.
 * The steps of all returns, the purchases, sales and settlements are then sorted by time and
 * run in that order with the clock set to each step's moment, so numbers, stamps, deadlines
 * and the audit log read as if it had all happened.
 */
#include "rs-demo.h"
#include "rs-approval.h"
#include "rs-categories.h"
#include "rs-clock.h"
#include "rs-disposition.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-inspection.h"
#include "rs-money.h"
#include "rs-partners.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-receiving.h"
#include "rs-return-cost.h"
#include "rs-returns.h"
#include "rs-settlement.h"
#include "rs-slips.h"
#include "rs-users.h"
#include "rs-warehouses.h"

#include <glib/gstdio.h>

#define N_RETURNS 64
#define DAY (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400))
#define HOUR (G_USEC_PER_SEC * G_GINT64_CONSTANT (3600))

/* ---- the company -------------------------------------------------------------------- */

static const struct {
  const char *name;
  const char *full_name;
  RsRoles     roles;
} staff[] = {
  { "wangfang", "王芳", RS_ROLE_SALES },
  { "lixin", "李欣", RS_ROLE_SALES },
  { "zhaomin", "赵敏", RS_ROLE_SERVICE },
  { "chenjing", "陈静", RS_ROLE_SERVICE },
  { "liuqiang", "刘强", RS_ROLE_MANAGER },
  { "zhangwei", "张伟", RS_ROLE_KEEPER },
  { "sunli", "孙丽", RS_ROLE_KEEPER },
  { "zhoujie", "周杰", RS_ROLE_FINANCE },
  { "wuting", "吴婷", RS_ROLE_VIEWER },
};
enum { SALES_1, SALES_2, SERVICE_1, SERVICE_2, MANAGER, KEEPER_1, KEEPER_2, FINANCE, VIEWER, ADMIN, N_USERS };

/* Two warehouses: a storage location for restocking, a repair location, and QA. */
static const struct {
  const char *code, *name, *address, *storage, *storage_name, *repair, *repair_name, *extra, *extra_name;
} warehouses[] = {
  { "SH01", "上海总仓", "上海市嘉定区兴贤路 1180 号", "A01", "A 区货架", "R01", "维修区", "A02", "B 区货架" },
  { "SZ01", "深圳仓", "深圳市宝安区福永街道桥头社区 88 号", "B01", "1 号货架", "R02", "维修台", NULL, NULL },
};

enum { CAT_POWER, CAT_HAND, CAT_ELECTRONIC, CAT_HOME, CAT_CABLE };

static const struct {
  const char *sku, *name, *spec, *unit, *barcode;
  int         decimals, category, supplier;
  const char *cost, *price;
} products[] = {
  { "DT-1001", "锂电电钻", "20V 双电池", "台", "6901234510011", 0, CAT_POWER, 0, "268.00", "399.00" },
  { "DT-1002", "角磨机", "100 型 850W", "台", "6901234510028", 0, CAT_POWER, 0, "180.00", "289.00" },
  { "DT-1003", "电锤", "26 型 三功能", "台", "6901234510035", 0, CAT_POWER, 0, "420.00", "639.00" },
  { "SG-2001", "螺丝刀套装", "32 件套", "套", "6901234520010", 0, CAT_HAND, 0, "35.00", "59.00" },
  { "SG-2002", "活动扳手", "10 寸", "把", "6901234520027", 0, CAT_HAND, 0, "18.00", "32.00" },
  { "DZ-3001", "蓝牙耳机", "入耳式 降噪", "副", "6901234530019", 0, CAT_ELECTRONIC, 1, "95.00", "169.00" },
  { "DZ-3002", "移动电源", "20000mAh", "个", "6901234530026", 0, CAT_ELECTRONIC, 1, "60.00", "99.00" },
  { "DZ-3003", "智能手环", "心率血氧", "个", "6901234530033", 0, CAT_ELECTRONIC, 1, "120.00", "199.00" },
  { "JJ-4001", "保温杯", "500ml 不锈钢", "个", "6901234540018", 0, CAT_HOME, 2, "28.00", "49.00" },
  { "JJ-4002", "不锈钢汤锅", "24cm 复底", "口", "6901234540025", 0, CAT_HOME, 2, "85.00", "139.00" },
  { "XC-5001", "超五类网线", "0.5mm 无氧铜", "米", NULL, 1, CAT_CABLE, 3, "1.20", "2.50" },
};
static const char * const categories[] = { "电动工具", "手动工具", "电子产品", "家居用品", "线材" };

static const RsPartnerFields customers[] = {
  { "KH001", "杭州恒达五金有限公司", "陈国平", "0571-86512233", "purchase@hengda-hw.example.cn", "杭州市拱墅区湖州街 168 号", NULL },
  { "KH002", "南京华兴建材商行", "刘海燕", "025-84417702", "hx_jc@example.cn", "南京市江宁区天元西路 58 号", NULL },
  { "KH003", "苏州金诚电子科技有限公司", "周晓东", "0512-62538890", "jincheng@example.cn", "苏州工业园区星湖街 328 号", NULL },
  { "KH004", "宁波立信贸易有限公司", "王立新", "0574-87321145", "lixin.trade@example.cn", "宁波市鄞州区天童南路 588 号", NULL },
  { "KH005", "合肥鑫源家居用品店", "吴小梅", "13955102236", NULL, "合肥市蜀山区长江西路 99 号", NULL },
  { "KH006", "无锡永盛机电设备有限公司", "蒋永盛", "0510-82706618", "ys-jd@example.cn", "无锡市新吴区长江路 21 号", NULL },
  { "KH007", "上海佳美百货有限公司", "沈佳", "021-64870012", "jiamei@example.cn", "上海市徐汇区漕溪北路 375 号", NULL },
  { "KH008", "常州博远工具批发部", "钱博", "13806112975", NULL, "常州市武进区湖塘镇五金城 3 幢", NULL },
  { "KH009", "温州瑞丰电器商行", "林瑞丰", "0577-88916654", "ruifeng@example.cn", "温州市鹿城区车站大道 730 号", NULL },
  { "KH010", "绍兴同创实业有限公司", "徐同", "0575-85120036", "tongchuang@example.cn", "绍兴市越城区解放北路 201 号", NULL },
};

static const RsPartnerFields suppliers[] = {
  { "GY001", "永康市东成电动工具有限公司", "应建华", "0579-87112201", "sales@dongcheng-tools.example.cn", "浙江省永康市经济开发区九鼎路 9 号", NULL },
  { "GY002", "深圳市讯达电子有限公司", "黄志强", "0755-27736650", "xunda@example.cn", "深圳市龙华区民治大道 1001 号", NULL },
  { "GY003", "宁波恒信家居制品厂", "罗恒", "0574-63881120", NULL, "宁波市慈溪市周巷镇工业区", NULL },
  { "GY004", "杭州天成线缆有限公司", "何天成", "0571-82613390", "tc-cable@example.cn", "杭州市萧山区经济技术开发区", NULL },
};

static const char * const reasons[] = { "quality", "damaged", "wrong-item", "not-as-described", "no-reason", "other" };
static const char * const descriptions[] = {
  "客户反映使用两天后无法开机", "快递外箱压坏，商品外壳有裂纹", "订的是 10 寸扳手，收到的是 8 寸",
  "实物颜色与详情页不符", "七天无理由退货，包装完好", "客户重复下单，多出的退回",
  "充电指示灯不亮，换了充电器也不行", "运输途中磕碰，边角变形", "电机有异响，转速不稳",
  "耳机右耳无声", "杯盖密封圈漏水", "网线长度不足，少了约 5 米",
};
static const char * const reject_reasons[] = {
  "已超过退货期限且无质量问题，不予退货", "缺少原始订单凭证，请补充后重新提交", "退货数量与发货记录不符，请核对",
};
static const char * const cancel_reasons[] = { "客户撤回退货申请", "与客户协商改为补发配件", "客户重复提交，作废此单" };

/* ---- the plan -------------------------------------------------------------------------- */

typedef enum {
  STEP_PURCHASE, STEP_SALE, STEP_NEW, STEP_SUBMIT, STEP_APPROVE, STEP_REJECT, STEP_REVISE, STEP_CANCEL,
  STEP_RECEIVE, STEP_RESOLVE, STEP_INSPECT, STEP_DISPOSE, STEP_REPAIRED, STEP_COST, STEP_SETTLE,
} StepKind;

typedef struct
{
  RsReturnState target;
  guint         customer, warehouse, reason, description;
  guint         n_lines;
  guint         product[2];
  gint64        quantity[2];      /* thousandths */
  gboolean      fail[2];
  RsDispositionKind disposition[2];
  gboolean      linked;           /* to a sale slip of its own */
  gboolean      window_breach, late_receipt, late_inspection, partial, revised, photo;
  int           sale_lag;         /* days from the sale to the request */
  int           discrepancy;      /* 0 none, 1 excess accepted, 2 other product sent back, 3 other product accepted */
  guint         level3;           /* the value needs the admin's level */
  char         *number;
  char         *sale_number;
} Plan;

typedef struct
{
  gint64    at;
  guint     order;
  StepKind  kind;
  Plan     *plan;
  guint     arg;
} Step;

typedef struct
{
  RsSession       *sessions[N_USERS];
  RsDemoPhotoFunc  photo;
  gpointer         photo_data;
  char            *photo_dir;
  guint            n_photos;
  gint64           today;   /* local midnight, µs */
  GRand           *rand;
  Plan             plans[N_RETURNS];
  GArray          *steps;
} Demo;

static gint64
day_at (Demo *demo, int day, int hour, int minute)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_from_unix_local (demo->today / G_USEC_PER_SEC);
  g_autoptr(GDateTime) then = g_date_time_add_full (midnight, 0, 0, day, hour, minute, 0);
  return g_date_time_to_unix (then) * G_USEC_PER_SEC;
}

static void
add_step (Demo *demo, gint64 at, StepKind kind, Plan *plan, guint arg)
{
  Step step = { at, demo->steps->len, kind, plan, arg };
  g_array_append_val (demo->steps, step);
}

static gint
compare_steps (gconstpointer a, gconstpointer b)
{
  const Step *x = a, *y = b;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gint64
price_of (guint product)
{
  gint64 fen = 0;
  rs_money_parse (products[product].price, &fen, NULL);
  return fen;
}

/* How many of each state, in plan order; 64 in all. */
static const struct {
  RsReturnState state;
  guint         count;
} targets[] = {
  { RS_RETURN_SETTLED, 20 }, { RS_RETURN_DISPOSED, 8 }, { RS_RETURN_INSPECTED, 5 }, { RS_RETURN_RECEIVED, 4 },
  { RS_RETURN_RECEIVING, 4 }, { RS_RETURN_APPROVED, 5 }, { RS_RETURN_SUBMITTED, 4 }, { RS_RETURN_DRAFT, 4 },
  { RS_RETURN_REJECTED, 5 }, { RS_RETURN_CANCELLED, 5 },
};

static void
draw_plan (Demo *demo, Plan *p, guint index, RsReturnState target, guint nth)
{
  GRand *r = demo->rand;

  p->target = target;
  p->customer = g_rand_int_range (r, 0, G_N_ELEMENTS (customers));
  p->warehouse = g_rand_int_range (r, 0, 10) < 7 ? 0 : 1;
  p->reason = g_rand_int_range (r, 0, G_N_ELEMENTS (reasons));
  p->description = g_rand_int_range (r, 0, G_N_ELEMENTS (descriptions));
  p->n_lines = g_rand_int_range (r, 0, 4) == 0 ? 2 : 1;
  p->product[0] = g_rand_int_range (r, 0, G_N_ELEMENTS (products));
  p->product[1] = (p->product[0] + 1 + g_rand_int_range (r, 0, G_N_ELEMENTS (products) - 1)) % G_N_ELEMENTS (products);
  for (guint l = 0; l < 2; l++)
    {
      gint64 units = products[p->product[l]].decimals > 0 ? g_rand_int_range (r, 5, 30) : g_rand_int_range (r, 1, 4);
      gboolean bad_reason = p->reason <= 1 || p->reason == 3;

      p->quantity[l] = units * 1000;
      p->fail[l] = bad_reason ? g_rand_int_range (r, 0, 10) < 7 : g_rand_int_range (r, 0, 10) < 1;
      p->disposition[l] = p->fail[l] ? (RsDispositionKind) (RS_DISPOSITION_REPAIR + g_rand_int_range (r, 0, 4))
                                     : RS_DISPOSITION_RESTOCK;
    }
  p->linked = g_rand_int_range (r, 0, 10) < 7;
  p->sale_lag = g_rand_int_range (r, 2, 9);
  p->photo = p->reason <= 1 || g_rand_int_range (r, 0, 3) == 0;
  /* What makes the story: a few of each kind, placed where their steps fit in time. */
  p->partial = target == RS_RETURN_RECEIVING;
  if (p->partial && p->n_lines == 1 && p->quantity[0] < 2000)
    p->quantity[0] = 2000;
  /* Asked long after the sale: an order made before the company's first stock came in. */
  p->window_breach = index % 9 == 4 && target != RS_RETURN_DRAFT;
  if (p->window_breach)
    {
      p->linked = FALSE;
      p->sale_lag = g_rand_int_range (r, 20, 26);
    }
  p->late_receipt = (target == RS_RETURN_SETTLED && nth % 6 == 1) || (target == RS_RETURN_INSPECTED && nth == 0);
  p->late_inspection = (target == RS_RETURN_SETTLED && nth % 7 == 3) || (target == RS_RETURN_DISPOSED && nth == 2);
  p->revised = (target == RS_RETURN_SETTLED && nth == 5) || (target == RS_RETURN_APPROVED && nth == 1);
  p->discrepancy = target == RS_RETURN_SETTLED && nth == 2 ? 1
                 : target == RS_RETURN_SETTLED && nth == 8 ? 2
                 : target == RS_RETURN_DISPOSED && nth == 4 ? 3
                 : target == RS_RETURN_RECEIVING && nth == 1 ? 2 : 0;
  /* Two big ones need the admin's third level (¥5,000 and more). */
  if ((target == RS_RETURN_SETTLED && nth == 10) || (target == RS_RETURN_APPROVED && nth == 3))
    {
      p->n_lines = 1;
      p->product[0] = 2;   /* 电锤 */
      p->quantity[0] = 9000;
      p->fail[0] = FALSE;
      p->disposition[0] = RS_DISPOSITION_RESTOCK;
    }
  {
    gint64 value = 0;
    for (guint l = 0; l < p->n_lines; l++)
      value += p->quantity[l] / 1000 * price_of (p->product[l]);
    p->level3 = value >= 500000;
  }
}

/* The days a return of each target is taken in, counted back from today. */
static int
created_day (Demo *demo, Plan *p, guint nth, guint count)
{
  GRand *r = demo->rand;
  RsReturnState target = p->target;

  /* A late receipt of a recent return was approved 12 days before it arrived. */
  if (p->late_receipt && target != RS_RETURN_SETTLED)
    return -20;
  switch (target)
    {
    case RS_RETURN_SETTLED: return -80 + (int) (nth * 56 / count) + g_rand_int_range (r, 0, 2);
    case RS_RETURN_DISPOSED: return -10 + (int) (nth * 2 / count);
    case RS_RETURN_INSPECTED: return -10 + (int) (nth * 3 / count);
    case RS_RETURN_RECEIVED:
    case RS_RETURN_RECEIVING: return -8 + (int) (nth * 2 / count);
    case RS_RETURN_APPROVED: return -14 + (int) (nth * 12 / count);
    case RS_RETURN_SUBMITTED: return -3 + (int) (nth * 2 / count);
    case RS_RETURN_DRAFT: return -2 + (int) (nth * 1 / count);
    default: return -78 + (int) (nth * 72 / count);
    }
}

/* The steps of one return up to its target, from its intake on `day`. */
static void
plan_steps (Demo *demo, Plan *p, int day, guint nth)
{
  GRand *r = demo->rand;
  gint64 t = day_at (demo, day, 9, g_rand_int_range (r, 0, 480));
  guint levels = p->level3 ? 3 : 2;

  if (p->linked)
    add_step (demo, day_at (demo, day - p->sale_lag, 10, g_rand_int_range (r, 0, 300)), STEP_SALE, p, 0);
  add_step (demo, t, STEP_NEW, p, 0);
  if (p->target == RS_RETURN_DRAFT)
    return;
  if (p->target == RS_RETURN_CANCELLED && nth % 3 == 0)
    {
      add_step (demo, t + 3 * HOUR, STEP_CANCEL, p, 0);
      return;
    }
  t += g_rand_int_range (r, 1, 3) * HOUR;
  add_step (demo, t, STEP_SUBMIT, p, 0);
  if (p->target == RS_RETURN_REJECTED || p->revised)
    {
      /* The manager rejects at level 2, after customer service signed level 1. */
      if (nth % 2 == 1)
        {
          t += g_rand_int_range (r, 2, 10) * HOUR;
          add_step (demo, t, STEP_APPROVE, p, 1);
        }
      t += g_rand_int_range (r, 2, 20) * HOUR;
      add_step (demo, t, STEP_REJECT, p, nth % 2 == 0 ? 1 : 2);
      if (p->target == RS_RETURN_REJECTED)
        return;
      t += DAY;
      add_step (demo, t, STEP_REVISE, p, 0);
      t += 2 * HOUR;
      add_step (demo, t, STEP_SUBMIT, p, 0);
    }
  for (guint level = 1; level <= levels; level++)
    {
      if (p->target == RS_RETURN_SUBMITTED && level > nth % 2)
        return;
      if (p->target == RS_RETURN_CANCELLED && nth % 3 == 1 && level == 2)
        {
          add_step (demo, t + 5 * HOUR, STEP_CANCEL, p, 0);
          return;
        }
      t += g_rand_int_range (r, 2, 18) * HOUR;
      add_step (demo, t, STEP_APPROVE, p, level);
    }
  if (p->target == RS_RETURN_CANCELLED)
    {
      add_step (demo, t + DAY, STEP_CANCEL, p, 0);
      return;
    }
  if (p->target == RS_RETURN_APPROVED)
    return;

  t += (p->late_receipt ? 12 : g_rand_int_range (r, 2, 5)) * DAY + g_rand_int_range (r, 0, 6) * HOUR;
  /* Disposed after the last settlement (7 days ago), so they wait for the next. */
  if (p->target == RS_RETURN_DISPOSED)
    t = MAX (t, day_at (demo, -6, 9, g_rand_int_range (r, 0, 120)));
  add_step (demo, t, STEP_RECEIVE, p, p->partial ? 1 : 0);
  if (p->discrepancy != 0)
    {
      t += g_rand_int_range (r, 2, 6) * HOUR;
      if (p->target != RS_RETURN_RECEIVING)
        add_step (demo, t, STEP_RESOLVE, p, 0);
    }
  if (p->target == RS_RETURN_RECEIVING || p->target == RS_RETURN_RECEIVED)
    return;
  t += p->late_inspection ? 3 * DAY + 5 * HOUR : g_rand_int_range (r, 3, 30) * HOUR;
  add_step (demo, t, STEP_INSPECT, p, 0);
  add_step (demo, t + HOUR, STEP_COST, p, RS_COST_FREIGHT);
  if (p->target == RS_RETURN_INSPECTED)
    return;
  t += g_rand_int_range (r, 12, 36) * HOUR;
  add_step (demo, t, STEP_DISPOSE, p, 0);
  add_step (demo, t + 20 * HOUR, STEP_COST, p, RS_COST_REFUND);
  for (guint l = 0; l < p->n_lines; l++)
    {
      if (p->disposition[l] == RS_DISPOSITION_REPAIR)
        {
          add_step (demo, t + 2 * DAY, STEP_REPAIRED, p, l);
          add_step (demo, t + 2 * DAY + HOUR, STEP_COST, p, RS_COST_REPAIR);
        }
      if (p->disposition[l] == RS_DISPOSITION_VENDOR)
        add_step (demo, t + 3 * DAY, STEP_COST, p, RS_COST_VENDOR_CREDIT);
    }
}

/* ---- running the steps -------------------------------------------------------------------- */

static char *
write_photo (Demo *demo, GError **error)
{
  g_autoptr(GBytes) bytes = demo->photo (demo->n_photos, demo->photo_data);
  g_autofree char *name = g_strdup_printf ("IMG_%04u.jpg", 2001 + demo->n_photos++);
  char *path = g_build_filename (demo->photo_dir, name, NULL);

  if (bytes == NULL)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE, _("The demo photos could not be made.")), g_free (path), NULL;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return g_free (path), NULL;
  return path;
}

static gboolean
run_purchase (Demo *demo, guint warehouse, GError **error)
{
  RsSession *keeper = demo->sessions[warehouse == 0 ? KEEPER_1 : KEEPER_2];

  /* One purchase slip per supplier into the warehouse's storage. */
  for (guint s = 0; s < G_N_ELEMENTS (suppliers); s++)
    {
      g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
      g_autoptr(RsSlip) slip = NULL;
      RsSlipFields fields = { RS_SLIP_IN, "purchase", warehouses[warehouse].code, NULL, NULL,
                              suppliers[s].code, "首批备货", NULL, 0 };

      for (guint p = 0; p < G_N_ELEMENTS (products); p++)
        {
          RsSlipLineFields line = { products[p].sku, 0, warehouses[warehouse].storage, NULL, 0 };

          if (products[p].supplier != (int) s)
            continue;
          line.quantity = (products[p].decimals > 0 ? 3000 : warehouse == 0 ? 120 : 60) * G_GINT64_CONSTANT (1000);
          rs_money_parse (products[p].cost, &line.unit_cost, NULL);
          g_array_append_val (lines, line);
        }
      fields.lines = (const RsSlipLineFields *) (gpointer) lines->data;
      fields.n_lines = lines->len;
      slip = rs_slips_create_posted (keeper, &fields, error);
      if (slip == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_sale (Demo *demo, Plan *p, GError **error)
{
  RsSession *keeper = demo->sessions[p->warehouse == 0 ? KEEPER_1 : KEEPER_2];
  RsSlipLineFields lines[3] = { { 0 } };
  g_autoptr(RsSlip) slip = NULL;
  g_autofree char *remark = g_strdup_printf ("订单 XS%06u", 100000 + g_rand_int_range (demo->rand, 0, 900000));
  RsSlipFields fields = { RS_SLIP_OUT, "sale", warehouses[p->warehouse].code, NULL, NULL,
                          customers[p->customer].code, remark, lines, p->n_lines };

  for (guint l = 0; l < p->n_lines; l++)
    {
      lines[l].sku = products[p->product[l]].sku;
      lines[l].quantity = p->quantity[l] + g_rand_int_range (demo->rand, 0, 6) * (products[p->product[l]].decimals > 0 ? 10000 : 1000);
      lines[l].location = warehouses[p->warehouse].storage;
      lines[l].unit_cost = -1;
    }
  slip = rs_slips_create_posted (keeper, &fields, error);
  if (slip == NULL)
    return FALSE;
  p->sale_number = g_strdup (rs_slip_get_number (slip));
  return TRUE;
}

static gboolean
run_new (Demo *demo, Plan *p, guint index, GError **error)
{
  RsSession *sales = demo->sessions[index % 2 == 0 ? SALES_1 : SALES_2];
  RsReturnLineFields lines[2] = { { 0 } };
  g_autofree char *photo = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sale_date = NULL;
  const char *attachments[2] = { NULL, NULL };
  g_autoptr(RsReturn) ret = NULL;
  RsReturnFields fields = { 0 };

  for (guint l = 0; l < p->n_lines; l++)
    {
      lines[l].sku = products[p->product[l]].sku;
      lines[l].quantity = p->quantity[l];
      lines[l].unit_price = -1;
      lines[l].serial = products[p->product[l]].category == CAT_POWER || products[p->product[l]].category == CAT_ELECTRONIC
                        ? "见外箱标签" : NULL;
    }
  if (p->photo)
    {
      photo = write_photo (demo, error);
      if (photo == NULL)
        return FALSE;
      attachments[0] = photo;
    }
  fields.customer = customers[p->customer].code;
  fields.reason = reasons[p->reason];
  fields.description = descriptions[p->description];
  fields.lines = lines;
  fields.n_lines = p->n_lines;
  fields.attachments = attachments;
  if (p->linked)
    fields.sale_slip = p->sale_number;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);
      g_autoptr(GDateTime) sold = g_date_time_add_days (now, -p->sale_lag);

      sale_date = g_date_time_format (sold, "%Y-%m-%d");
      order = g_strdup_printf ("JD%010u", 3000000000u + g_rand_int_range (demo->rand, 0, 999999999));
      fields.order_ref = order;
      fields.sale_date = sale_date;
    }
  ret = rs_returns_create (sales, &fields, error);
  if (ret == NULL)
    return FALSE;
  p->number = g_strdup (rs_return_get_number (ret));
  return TRUE;
}

static gboolean
run_approve (Demo *demo, Plan *p, guint level, guint index, GError **error)
{
  RsSession *signer = level == 1 ? demo->sessions[index % 2 == 0 ? SERVICE_1 : SERVICE_2]
                    : level == 2 ? demo->sessions[MANAGER] : demo->sessions[ADMIN];
  g_autoptr(RsReturn) ret = rs_returns_approve (signer, p->number, level == 1 ? "已核实订单，同意退货" : NULL, error);
  return ret != NULL;
}

static gboolean
run_receive (Demo *demo, Plan *p, gboolean partial, GError **error)
{
  RsSession *keeper = demo->sessions[p->warehouse == 0 ? KEEPER_1 : KEEPER_2];
  RsReceiptLineFields lines[3] = { { 0 } };
  guint n = 0;
  g_autoptr(RsReturn) ret = NULL;

  for (guint l = 0; l < p->n_lines && !(partial && l > 0 && p->n_lines == 2); l++)
    {
      lines[n].sku = products[p->product[l]].sku;
      lines[n].quantity = partial && p->n_lines == 1 ? p->quantity[l] / 2 / 1000 * 1000 : p->quantity[l];
      if (p->discrepancy == 1 && l == 0)
        lines[n].quantity += products[p->product[l]].decimals > 0 ? 5000 : 1000;
      n++;
    }
  if (p->discrepancy >= 2)
    {
      lines[n].sku = products[(p->product[0] + 3) % G_N_ELEMENTS (products)].sku;
      lines[n].quantity = products[(p->product[0] + 3) % G_N_ELEMENTS (products)].decimals > 0 ? 10000 : 1000;
      n++;
    }
  ret = rs_returns_receive (keeper, p->number, warehouses[p->warehouse].code, lines, n,
                            p->discrepancy != 0 ? "到货与退货单不一致，已拍照留存" : NULL, error);
  if (ret == NULL)
    return FALSE;
  /* The delivery note photographed on the receipt slip. */
  if (p->photo)
    {
      g_autoptr(JsonNode) node = rs_returns_describe (keeper, p->number, error);
      g_autofree char *photo = NULL;
      g_autoptr(RsSlip) slip = NULL;
      JsonArray *receipts;

      if (node == NULL || (photo = write_photo (demo, error)) == NULL)
        return FALSE;
      receipts = json_object_get_array_member (json_node_get_object (node), "receipts");
      slip = rs_slips_attach (keeper, json_object_get_string_member (json_array_get_object_element (receipts, 0), "slip"),
                              photo, error);
      if (slip == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The results for a product's checklist: passing, or failing one item when the goods are bad. */
static gboolean
run_inspect (Demo *demo, Plan *p, GError **error)
{
  RsSession *keeper = demo->sessions[p->warehouse == 0 ? KEEPER_1 : KEEPER_2];
  g_autoptr(JsonNode) node = rs_returns_describe (keeper, p->number, error);
  JsonArray *lines;

  if (node == NULL)
    return FALSE;
  lines = json_object_get_array_member (json_node_get_object (node), "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      const char *sku = json_object_get_string_member (line, "sku");
      gboolean fail = i < p->n_lines && p->fail[i];
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      RsInspectionValue values[6] = { { 0 } };
      RsInspectionPhoto photos[2] = { { 0 } };
      RsInspectionFields fields = { values, 0, photos, 0, -1, NULL };
      g_autoptr(RsInspection) inspection = NULL;
      int category = CAT_HAND;
      char *serial;

      for (guint k = 0; k < G_N_ELEMENTS (products); k++)
        if (g_str_equal (products[k].sku, sku))
          category = products[k].category;
      serial = g_strdup_printf ("SN%08u", g_rand_int_range (demo->rand, 10000000, 99999999));
      g_ptr_array_add (keep, serial);
      if (category == CAT_POWER)
        {
          values[0] = (RsInspectionValue) { "appearance", fail && i == 0 ? "fail" : "pass" };
          values[1] = (RsInspectionValue) { "motor", "pass" };
          values[2] = (RsInspectionValue) { "voltage", fail && i != 0 ? "16.8" : "20.4" };
          values[3] = (RsInspectionValue) { "serial", serial };
          fields.n_values = 4;
          photos[0].key = "photo";
          photos[0].path = write_photo (demo, error);
          if (photos[0].path == NULL)
            return FALSE;
          g_ptr_array_add (keep, (char *) photos[0].path);
          fields.n_photos = 1;
        }
      else if (category == CAT_ELECTRONIC)
        {
          values[0] = (RsInspectionValue) { "appearance", "pass" };
          values[1] = (RsInspectionValue) { "power", fail ? "fail" : "pass" };
          values[2] = (RsInspectionValue) { "charging", fail ? "na" : "pass" };
          values[3] = (RsInspectionValue) { "serial", serial };
          fields.n_values = 4;
        }
      else
        {
          values[0] = (RsInspectionValue) { "packaging", p->reason == 1 ? "fail" : "pass" };
          values[1] = (RsInspectionValue) { "accessories", "pass" };
          values[2] = (RsInspectionValue) { "appearance", fail ? "fail" : "pass" };
          values[3] = (RsInspectionValue) { "function", "pass" };
          values[4] = (RsInspectionValue) { "serial", "无" };
          fields.n_values = 5;
        }
      if (fail && fields.n_photos == 0)
        {
          photos[0].path = write_photo (demo, error);
          if (photos[0].path == NULL)
            return FALSE;
          g_ptr_array_add (keep, (char *) photos[0].path);
          fields.n_photos = 1;
        }
      fields.remark = fail ? "确认存在质量问题" : NULL;
      inspection = rs_inspections_record (keeper, p->number, sku, 0, &fields, error);
      if (inspection == NULL)
        return FALSE;
      /* What the checklist passed goes back on the shelf whatever the reason said. */
      if (i < p->n_lines && rs_inspection_get_verdict (inspection) == RS_VERDICT_PASS)
        p->disposition[i] = RS_DISPOSITION_RESTOCK;
      if (i < p->n_lines && rs_inspection_get_verdict (inspection) == RS_VERDICT_FAIL &&
          p->disposition[i] == RS_DISPOSITION_RESTOCK)
        p->disposition[i] = RS_DISPOSITION_SCRAP;
    }
  return TRUE;
}

static gboolean
run_dispose (Demo *demo, Plan *p, GError **error)
{
  RsSession *keeper = demo->sessions[p->warehouse == 0 ? KEEPER_1 : KEEPER_2];
  g_autoptr(JsonNode) node = rs_returns_describe (keeper, p->number, error);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (RsDispositionFields));
  g_autoptr(RsReturn) ret = NULL;
  JsonArray *lines;

  if (node == NULL)
    return FALSE;
  lines = json_object_get_array_member (json_node_get_object (node), "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      RsDispositionFields d = { json_object_get_string_member (line, "sku"), 0, RS_DISPOSITION_RESTOCK, NULL };

      rs_quantity_parse (json_object_get_string_member (line, "inspected"), 3, &d.quantity, NULL);
      if (i < p->n_lines)
        d.kind = p->disposition[i];
      switch (d.kind)
        {
        case RS_DISPOSITION_RESTOCK:
        case RS_DISPOSITION_REPLACE:
          d.target = warehouses[p->warehouse].storage;
          break;
        case RS_DISPOSITION_REPAIR:
          d.target = warehouses[p->warehouse].repair;
          break;
        default:
          break;
        }
      g_array_append_val (fields, d);
    }
  ret = rs_returns_dispose (keeper, p->number, (const RsDispositionFields *) (gpointer) fields->data, fields->len, error);
  return ret != NULL;
}

static gboolean
run_cost (Demo *demo, Plan *p, RsCostKind kind, GError **error)
{
  g_autoptr(RsReturn) ret = NULL;
  gint64 amount = 0;
  const char *remark = NULL;

  switch (kind)
    {
    case RS_COST_FREIGHT:
      amount = g_rand_int_range (demo->rand, 12, 46) * 100;
      remark = "退货运费（顺丰到付）";
      break;
    case RS_COST_REFUND:
      for (guint l = 0; l < p->n_lines; l++)
        amount += rs_return_line_amount (p->quantity[l], price_of (p->product[l]));
      remark = "原路退回货款";
      break;
    case RS_COST_REPAIR:
      amount = g_rand_int_range (demo->rand, 20, 90) * 100;
      remark = "更换配件及人工";
      break;
    case RS_COST_VENDOR_CREDIT:
      for (guint l = 0; l < p->n_lines; l++)
        if (p->disposition[l] == RS_DISPOSITION_VENDOR)
          amount += rs_return_line_amount (p->quantity[l], price_of (p->product[l])) * 6 / 10;
      remark = "供应商质量赔付";
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (amount <= 0)
    return TRUE;
  ret = rs_returns_add_cost (demo->sessions[FINANCE], p->number, kind, amount, remark, error);
  return ret != NULL;
}

static gboolean
run_step (Demo *demo, Step *step, GError **error)
{
  Plan *p = step->plan;
  guint index = p != NULL ? (guint) (p - demo->plans) : 0;
  g_autoptr(RsReturn) ret = NULL;

  rs_clock_set_fixed (step->at);
  switch (step->kind)
    {
    case STEP_PURCHASE:
      return run_purchase (demo, step->arg, error);
    case STEP_SALE:
      return run_sale (demo, p, error);
    case STEP_NEW:
      return run_new (demo, p, index, error);
    case STEP_SUBMIT:
      ret = rs_returns_submit (demo->sessions[index % 2 == 0 ? SALES_1 : SALES_2], p->number, NULL, error);
      return ret != NULL;
    case STEP_APPROVE:
      return run_approve (demo, p, step->arg, index, error);
    case STEP_REJECT:
      ret = rs_returns_reject (step->arg == 1 ? demo->sessions[index % 2 == 0 ? SERVICE_1 : SERVICE_2]
                                              : demo->sessions[MANAGER],
                               p->number, reject_reasons[index % G_N_ELEMENTS (reject_reasons)], error);
      return ret != NULL;
    case STEP_REVISE:
      ret = rs_returns_revise (demo->sessions[index % 2 == 0 ? SALES_1 : SALES_2], p->number, "已补充订单凭证", error);
      return ret != NULL;
    case STEP_CANCEL:
      ret = rs_returns_cancel (demo->sessions[SERVICE_2], p->number, cancel_reasons[index % G_N_ELEMENTS (cancel_reasons)],
                               error);
      return ret != NULL;
    case STEP_RECEIVE:
      return run_receive (demo, p, step->arg != 0, error);
    case STEP_RESOLVE:
      ret = rs_returns_resolve (demo->sessions[SERVICE_1], p->number, NULL,
                                p->discrepancy == 2 ? RS_RESOLVE_SEND_BACK : RS_RESOLVE_ACCEPT,
                                p->discrepancy == 2 ? "非本公司商品，退回客户" : "与客户确认，一并退货", error);
      return ret != NULL;
    case STEP_INSPECT:
      return run_inspect (demo, p, error);
    case STEP_DISPOSE:
      return run_dispose (demo, p, error);
    case STEP_REPAIRED:
      {
        RsRepairFields line = { products[p->product[step->arg]].sku, 0, warehouses[p->warehouse].storage };
        ret = rs_returns_repaired (demo->sessions[p->warehouse == 0 ? KEEPER_1 : KEEPER_2], p->number, &line, 1, error);
        return ret != NULL;
      }
    case STEP_COST:
      return run_cost (demo, p, step->arg, error);
    case STEP_SETTLE:
      {
        /* arg: how many days back the period starts; it ends the day before. */
        g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (day_at (demo, -(int) step->arg, 12, 0) / G_USEC_PER_SEC);
        g_autoptr(GDateTime) to = g_date_time_new_from_unix_local ((step->at - DAY) / G_USEC_PER_SEC);
        g_autofree char *from_text = g_date_time_format (from, "%Y-%m-%d");
        g_autofree char *to_text = g_date_time_format (to, "%Y-%m-%d");
        g_autoptr(RsSettlement) draft = NULL;
        g_autoptr(RsSettlement) approved = NULL;

        draft = rs_settlements_create (demo->sessions[FINANCE], from_text, to_text, NULL, "月度退货报账", error);
        if (draft == NULL)
          return FALSE;
        rs_clock_set_fixed (step->at + 4 * HOUR);
        approved = rs_settlements_approve (demo->sessions[FINANCE], rs_settlement_get_number (draft), error);
        return approved != NULL;
      }
    }
  g_return_val_if_reached (FALSE);
}

/* ---- setting up the company ----------------------------------------------------------------- */

static char *
new_password (void)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char password[13];

  /* Real randomness: these passwords open real accounts. */
  for (guint i = 0; i < sizeof password - 1; i++)
    password[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  password[sizeof password - 1] = '\0';
  return g_strdup (password);
}

static gboolean
require_empty (RsDatabase *db, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT (SELECT count(*) FROM user), (SELECT count(*) FROM warehouse), "
                              "       (SELECT count(*) FROM product), (SELECT count(*) FROM customer), "
                              "       (SELECT count(*) FROM supplier), (SELECT count(*) FROM slip), "
                              "       (SELECT count(*) FROM customer_return)", error);
  if (stmt == NULL || !rs_statement_step (stmt, error))
    return FALSE;
  if (sqlite3_column_int64 (stmt, 0) > 1 || sqlite3_column_int64 (stmt, 1) > 0 || sqlite3_column_int64 (stmt, 2) > 0 ||
      sqlite3_column_int64 (stmt, 3) > 0 || sqlite3_column_int64 (stmt, 4) > 0 || sqlite3_column_int64 (stmt, 5) > 0 ||
      sqlite3_column_int64 (stmt, 6) > 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                                _("This database already holds data besides its admin; demo data goes only into a new "
                                  "one: restock-cli --db NEW.db init, then restock-cli --db NEW.db demo.")), FALSE;
  return TRUE;
}

static gboolean
set_up_company (Demo *demo, JsonBuilder *users, GError **error)
{
  RsSession *admin = demo->sessions[ADMIN];
  RsDatabase *db = rs_session_get_database (admin);

  json_builder_begin_array (users);
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autofree char *password = new_password ();
      g_autofree char *roles = rs_roles_to_keys (staff[i].roles);
      g_autoptr(RsUser) user = rs_users_add (admin, staff[i].name, staff[i].full_name, staff[i].roles, password, error);

      if (user == NULL)
        return FALSE;
      demo->sessions[i] = rs_session_login (db, staff[i].name, password, error);
      if (demo->sessions[i] == NULL)
        return FALSE;
      json_builder_begin_object (users);
      json_builder_set_member_name (users, "name");
      json_builder_add_string_value (users, staff[i].name);
      json_builder_set_member_name (users, "full_name");
      json_builder_add_string_value (users, staff[i].full_name);
      json_builder_set_member_name (users, "roles");
      json_builder_add_string_value (users, roles);
      json_builder_set_member_name (users, "password");
      json_builder_add_string_value (users, password);
      json_builder_end_object (users);
    }
  json_builder_end_array (users);

  for (guint i = 0; i < G_N_ELEMENTS (warehouses); i++)
    {
      g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (admin, warehouses[i].code, warehouses[i].name,
                                                            warehouses[i].address, error);
      g_autoptr(RsLocation) storage = NULL;
      g_autoptr(RsLocation) repair = NULL;
      g_autoptr(RsLocation) extra = NULL;

      if (warehouse == NULL ||
          (storage = rs_locations_add (admin, warehouses[i].code, warehouses[i].storage, warehouses[i].storage_name,
                                       RS_LOCATION_STORAGE, error)) == NULL ||
          (repair = rs_locations_add (admin, warehouses[i].code, warehouses[i].repair, warehouses[i].repair_name,
                                      RS_LOCATION_REPAIR, error)) == NULL)
        return FALSE;
      if (warehouses[i].extra != NULL &&
          (extra = rs_locations_add (admin, warehouses[i].code, warehouses[i].extra, warehouses[i].extra_name,
                                     RS_LOCATION_STORAGE, error)) == NULL)
        return FALSE;
    }
  {
    g_autoptr(RsLocation) scrap = rs_locations_add (admin, "SH01", "S01", "报废暂存区", RS_LOCATION_SCRAP, error);
    if (scrap == NULL)
      return FALSE;
  }

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      RsProductFields fields = { products[i].sku, products[i].name, products[i].spec, products[i].unit,
                                 products[i].decimals, products[i].barcode, categories[products[i].category], 0, 0 };
      g_autoptr(RsProduct) product = NULL;

      rs_money_parse (products[i].price, &fields.list_price, NULL);
      product = rs_products_add (admin, &fields, error);
      if (product == NULL)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autoptr(RsPartner) customer = rs_partners_add (admin, RS_PARTNER_CUSTOMER, &customers[i], error);
      if (customer == NULL)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suppliers); i++)
    {
      g_autoptr(RsPartner) supplier = rs_partners_add (admin, RS_PARTNER_SUPPLIER, &suppliers[i], error);
      if (supplier == NULL)
        return FALSE;
    }

  /* Checklists of their own for power tools and electronics; the rest use the default. */
  {
    const RsInspectionItemFields power[] = {
      { "appearance", "外观无破损", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "motor", "电机运转", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "voltage", "电池电压", RS_INSPECTION_ITEM_MEASURE, "V", TRUE, 17500, TRUE, 21500, TRUE },
      { "serial", "机身序列号", RS_INSPECTION_ITEM_TEXT, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "photo", "整机照片", RS_INSPECTION_ITEM_PHOTO, NULL, FALSE, 0, FALSE, 0, TRUE },
    };
    const RsInspectionItemFields electronic[] = {
      { "appearance", "外观", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "power", "开机", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "charging", "充电", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "serial", "序列号", RS_INSPECTION_ITEM_TEXT, NULL, FALSE, 0, FALSE, 0, TRUE },
      { "photo", "故障照片", RS_INSPECTION_ITEM_PHOTO, NULL, FALSE, 0, FALSE, 0, FALSE },
    };
    g_autoptr(JsonNode) a = rs_inspection_templates_add (admin, "DT", "电动工具检验", categories[CAT_POWER],
                                                         power, G_N_ELEMENTS (power), error);
    g_autoptr(JsonNode) b = NULL;

    if (a == NULL)
      return FALSE;
    b = rs_inspection_templates_add (admin, "DZ", "电子产品检验", categories[CAT_ELECTRONIC],
                                     electronic, G_N_ELEMENTS (electronic), error);
    if (b == NULL)
      return FALSE;
  }
  return TRUE;
}

static JsonNode *
summary (RsDatabase *db, JsonBuilder *users, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 total = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_add_value (builder, json_builder_get_root (users));
  json_builder_set_member_name (builder, "states");
  json_builder_begin_object (builder);
  stmt = rs_database_prepare (db, "SELECT state, count(*) FROM customer_return GROUP BY state ORDER BY state", error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_set_member_name (builder, rs_statement_text (stmt, 0));
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
      total += sqlite3_column_int64 (stmt, 1);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_object (builder);
  g_clear_pointer (&stmt, rs_statement_release);
  json_builder_set_member_name (builder, "returns");
  json_builder_add_int_value (builder, total);

  stmt = rs_database_prepare (db,
                              "SELECT (SELECT count(DISTINCT return_id) FROM return_flag), (SELECT count(*) FROM slip), "
                              "       (SELECT count(*) FROM inspection), (SELECT count(*) FROM inspection_photo) + "
                              "       (SELECT count(*) FROM return_attachment) + (SELECT count(*) FROM slip_attachment), "
                              "       (SELECT count(*) FROM settlement)", error);
  if (stmt == NULL || !rs_statement_step (stmt, error))
    return NULL;
  json_builder_set_member_name (builder, "flagged");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "slips");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
  json_builder_set_member_name (builder, "inspections");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
  json_builder_set_member_name (builder, "photos");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
  json_builder_set_member_name (builder, "settlements");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
demo_clear (Demo *demo)
{
  for (guint i = 0; i < N_USERS; i++)
    g_clear_object (&demo->sessions[i]);
  for (guint i = 0; i < N_RETURNS; i++)
    {
      g_free (demo->plans[i].number);
      g_free (demo->plans[i].sale_number);
    }
  if (demo->photo_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (demo->photo_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (demo->photo_dir, name, NULL);
          g_remove (path);
        }
      g_rmdir (demo->photo_dir);
      g_free (demo->photo_dir);
    }
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->steps, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* The clock is fixed when two readings a moment apart agree. */
static gboolean
clock_is_fixed (void)
{
  gint64 first = rs_clock_now ();

  g_usleep (50);
  return rs_clock_now () == first;
}

JsonNode *
rs_demo_fill (RsSession *admin, RsDemoPhotoFunc photo, gpointer user_data, GError **error)
{
  RsDatabase *db = rs_session_get_database (admin);
  g_auto(Demo) demo = { 0 };
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonBuilder) users = json_builder_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  gint64 started = rs_clock_now ();
  gboolean fixed = clock_is_fixed ();
  gboolean ok;
  guint index = 0;

  g_return_val_if_fail (RS_IS_SESSION (admin), NULL);
  g_return_val_if_fail (photo != NULL, NULL);
  if (!rs_permission_check (admin, RS_ACTION_USER_MANAGE, error))
    return NULL;
  /* All of it or nothing: a demo that stops half-way leaves the database as it was. */
  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !require_empty (db, error))
    return NULL;

  demo.photo = photo;
  demo.photo_data = user_data;
  demo.photo_dir = g_dir_make_tmp ("restock-demo-XXXXXX", error);
  if (demo.photo_dir == NULL)
    return NULL;
  demo.rand = g_rand_new_with_seed (20261126);
  demo.steps = g_array_new (FALSE, TRUE, sizeof (Step));
  demo.sessions[ADMIN] = g_object_ref (admin);
  now = g_date_time_new_from_unix_local (started / G_USEC_PER_SEC);
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  demo.today = g_date_time_to_unix (midnight) * G_USEC_PER_SEC;

  /* The company exists from 90 days ago. */
  rs_clock_set_fixed (day_at (&demo, -90, 8, 0));
  ok = set_up_company (&demo, users, error);
  if (ok)
    {
      add_step (&demo, day_at (&demo, -90, 14, 0), STEP_PURCHASE, NULL, 0);
      add_step (&demo, day_at (&demo, -89, 10, 30), STEP_PURCHASE, NULL, 1);
      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        for (guint nth = 0; nth < targets[t].count; nth++, index++)
          {
            Plan *p = &demo.plans[index];

            draw_plan (&demo, p, index, targets[t].state, nth);
            plan_steps (&demo, p, created_day (&demo, p, nth, targets[t].count), nth);
          }
      g_assert (index == N_RETURNS);
      /* Finance settles every month: what was disposed of up to the day before. */
      add_step (&demo, day_at (&demo, -60, 10, 0), STEP_SETTLE, NULL, 90);
      add_step (&demo, day_at (&demo, -30, 10, 0), STEP_SETTLE, NULL, 60);
      add_step (&demo, day_at (&demo, -7, 10, 0), STEP_SETTLE, NULL, 30);
      g_array_sort (demo.steps, compare_steps);
      for (guint i = 0; ok && i < demo.steps->len; i++)
        {
          Step *step = &g_array_index (demo.steps, Step, i);

          /* Nothing happens after now: a late cost or repair waits; the rest happens just now. */
          if (step->at >= started - 10 * 60 * G_USEC_PER_SEC)
            {
              if (step->kind == STEP_COST || step->kind == STEP_REPAIRED)
                continue;
              step->at = started - 10 * 60 * G_USEC_PER_SEC + i;
            }
          ok = run_step (&demo, step, error);
          if (!ok && step->plan != NULL)
            g_prefix_error (error, "%s: ", step->plan->number != NULL ? step->plan->number : "TH…");
        }
    }

  if (fixed)
    rs_clock_set_fixed (started);
  else
    rs_clock_use_system ();
  if (!ok)
    return NULL;
  result = summary (db, users, error);
  if (result == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&result);
}
