/* bench-pdf.c — what a printed document costs: milliseconds and bytes per document kind,
 * with the HarfBuzz subset pipeline beside libharu loading the whole CJK font (issue 6).
 *
 * Not a test: it prints figures. Run it through build-aux/bench-pdf. Two tables: the
 * engine on documents put together by hand, and the real documents — a database made
 * through core (company settings with a logo, slips, a return approved, received,
 * inspected with four phone photos, disposed, costed and settled), each document read
 * through core by rs_pdf_print_build() and rendered, as printing does minus the archive.
 * Each document is built from scratch and rendered to memory; photos are checked against
 * their hash, decoded, turned and re-encoded every time. After one warm-up run (the font
 * file is mapped once per process, as in the application) it prints the median wall time,
 * the fastest run (on a busy machine, the closest to what the document itself costs) and
 * the median processor time of all threads.
 */
#include "rs-core.h"
#include "rs-pdf.h"
#include "rs-pdf-document-private.h"
#include "rs-pdf-print.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <time.h>
#include <stdlib.h>

static int runs = 20;
static char *write_dir = NULL;
static char *only = NULL;
static gboolean subset_only = FALSE;
static char *photos[4];
static char *logo;
/* The real documents: a session on the database made by make_database() and their numbers. */
static RsSession *session;
static char *slip8, *slip5, *slip60, *rma, *inspection, *settlement;

static void
die_on_error (GError *error, const char *what)
{
  if (error != NULL)
    {
      g_printerr ("bench-pdf: %s: %s\n", what, error->message);
      exit (1);
    }
}

/* A 4000 × 3000 picture with the detail of a photo (smooth shapes, texture, sensor
 * noise) — a carton with an arrow pointing up on a patterned floor — saved as a phone saves
 * it: JPEG at quality 92. The fourth was taken upright: its pixels lie on their side with
 * an EXIF orientation, as phones store them, so a document shows whether it was turned. */
static char *
make_phone_photo (const char *dir, int index)
{
  gboolean sideways = index == 3;
  int width = sideways ? 3000 : 4000, height = sideways ? 4000 : 3000;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (index + 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  gsize size = 0;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  double fx = 0.002 + index * 0.0007, fy = 0.003 + index * 0.0005;
  /* The carton and its arrow, in the middle of the scene. */
  double cx = width / 2.0, cy = height / 2.0, half_w = width * 0.28, half_h = height * 0.24;
  char *path = g_strdup_printf ("%s/phone-%d.jpg", dir, index + 1);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;
        double shade = 0.5 + 0.25 * sin (x * fx) * cos (y * fy) + 0.15 * sin ((x + y) * 0.011 + index);
        double texture = 0.08 * sin (x * 0.21) * sin (y * 0.17);
        double dx = (x - cx) / half_w, dy = (y - cy) / half_h;
        gboolean carton = fabs (dx) < 1 && fabs (dy) < 1;
        /* Arrow: a head above a shaft, white on the carton. */
        gboolean head = dy > -0.8 && dy < -0.2 && fabs (dx) < (dy + 0.8) * 0.6;
        gboolean shaft = dy >= -0.2 && dy < 0.7 && fabs (dx) < 0.12;
        double rgb[3] = { shade + texture, shade + texture, shade + texture };

        if (carton)
          {
            double light = head || shaft ? 1.6 : 0.95 + 0.05 * sin (x * 0.05);

            rgb[0] = 0.78 * light + 0.4 * texture;
            rgb[1] = (head || shaft ? 0.78 : 0.52) * light + 0.4 * texture;
            rgb[2] = (head || shaft ? 0.75 : 0.33) * light + 0.4 * texture;
          }
        for (int c = 0; c < 3; c++)
          {
            double v = rgb[c] * (carton ? 1 : 0.7 + 0.15 * c) * 255 + g_rand_int_range (rand, -10, 11);

            p[c] = (guint8) CLAMP (v, 0, 255);
          }
      }
  stored = sideways ? gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE) : g_object_ref (pixbuf);
  gdk_pixbuf_save_to_buffer (stored, &jpeg, &size, "jpeg", &error, "quality", "92", NULL);
  die_on_error (error, "saving a photo");
  {
    /* EXIF orientation 6: turn a quarter clockwise to show it. */
    static const guint8 exif[] = {
      0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    g_autoptr(GByteArray) file = g_byte_array_new ();

    g_byte_array_append (file, (const guint8 *) jpeg, 2);
    if (sideways)
      g_byte_array_append (file, exif, sizeof exif);
    g_byte_array_append (file, (const guint8 *) jpeg + 2, size - 2);
    g_file_set_contents (path, (const char *) file->data, file->len, &error);
    die_on_error (error, "saving a photo");
  }
  return path;
}

/* A company logo as one would come from the settings: a PNG with transparency. */
static char *
make_logo (const char *dir)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 240, 240);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *path = g_build_filename (dir, "logo.png", NULL);

  /* A red ring around a blue diamond, on nothing. */
  for (int y = 0; y < 240; y++)
    for (int x = 0; x < 240; x++)
      {
        guint8 *p = pixels + y * stride + x * 4;
        double r = hypot (x - 119.5, y - 119.5);
        gboolean ring = r > 96 && r < 118;
        gboolean diamond = fabs (x - 119.5) + fabs (y - 119.5) < 70;

        p[0] = ring ? 0xC8 : 0x1F;
        p[1] = ring ? 0x10 : 0x4E;
        p[2] = ring ? 0x2E : 0xA0;
        p[3] = ring || diamond ? 0xFF : 0x00;
      }
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  die_on_error (error, "saving the logo");
  return path;
}

/* A slip of `rows` lines, as the slip writer will make it. */
static RsPdfDocument *
make_slip (RsPdfTemplate paper, int rows)
{
  static const char *products[][3] = {
    { "BT-X2-BLK", "蓝牙耳机 X2 降噪版 黑色", "副" },
    { "MS-M330", "无线鼠标 M330 静音版", "个" },
    { "KB-K845", "机械键盘 K845 青轴", "把" },
    { "PB-20000", "充电宝 20000mAh 快充", "个" },
    { "CB-USBC-1M", "USB-C 数据线 1 米 编织", "条" },
    { "RT-AX3000", "无线路由器 AX3000 双频", "台" },
    { "HD-2T", "移动硬盘 2TB USB 3.0", "块" },
    { "MN-27Q", "27 英寸显示器 2K 高刷", "台" },
  };
  RsPdfDocument *doc = rs_pdf_document_new (paper);
  g_autofree char *words = rs_money_to_words (1284600);
  RsPdfTable *table;

  rs_pdf_document_set_company (doc, "华东贸易有限公司", "上海市浦东新区张江路 88 号 · 电话 021-5080 1234", logo);
  rs_pdf_document_set_title (doc, "入库单", "RK20261126-0001");
  /* The half-size paper shows a reprint. */
  if (paper == RS_PDF_TEMPLATE_A5)
    rs_pdf_document_set_print_count (doc, 2);
  rs_pdf_document_set_time (doc, G_GINT64_CONSTANT (1795680000000000));
  rs_pdf_document_add_fields (doc, 2,
                              "仓库", "上海一号仓（浦东）", "日期", "2026-11-26",
                              "供应商", "深圳市华强北电子科技有限公司", "类型", "采购入库",
                              "关联单号", "CG20261120-0042", "经办人", "李明", NULL);
  rs_pdf_document_add_fields (doc, 1, "备注", "到货时两箱外包装轻微破损，已拍照留存；请质检部门在收货后 24 小时内完成检验。", NULL);
  table = rs_pdf_document_add_table (doc);
  rs_pdf_table_add_column (table, "序号", 0.7, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, "商品编码", 2, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "品名规格", 4, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "单位", 0.8, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, "货位", 1.2, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, "数量", 1.1, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, "单价", 1.3, RS_PDF_ALIGN_RIGHT);
  rs_pdf_table_add_column (table, "金额", 1.6, RS_PDF_ALIGN_RIGHT);
  for (int i = 0; i < rows; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", i + 1);
      g_autofree char *location = g_strdup_printf ("A-%02d-%02d", i / 4 + 1, i % 4 + 1);

      rs_pdf_table_add_row (table, n, products[i % 8][0], products[i % 8][1], products[i % 8][2], location,
                            "10", "128.46", "1,284.60", NULL);
    }
  rs_pdf_table_set_footer (table, "", "合计", "", "", "", "80", "", "12,846.00", NULL);
  rs_pdf_document_add_fields (doc, 1, "合计金额（大写）", words, NULL);
  rs_pdf_document_add_signatures (doc, "制单人", "张三", "审核人", NULL, "仓管员", NULL, NULL);
  return doc;
}

/* An inspection report with the four phone photos. */
static RsPdfDocument *
make_report (RsPdfTemplate paper, int rows)
{
  static const char *checks[][5] = {
    { "外包装", "无破损、无挤压变形", "不合格", "两处压痕，已拍照", NULL },
    { "封条", "完好，未拆封", "合格", "", NULL },
    { "外观", "无划痕、无磕碰", "不合格", "左耳机外壳划痕约 3 毫米", NULL },
    { "配件", "充电盒、数据线、说明书齐全", "合格", "", NULL },
    { "开机", "正常开机，指示灯正常", "合格", "", NULL },
    { "配对", "30 秒内完成蓝牙配对", "合格", "", NULL },
    { "降噪", "降噪模式可切换，效果正常", "合格", "", NULL },
    { "续航", "满电播放 ≥ 6 小时", "不适用", "未测", NULL },
    { "序列号", "与销售记录一致", "合格", "SN2026-000123", NULL },
    { "重量", "48 克 ± 2 克", "合格", "47.6 克", NULL },
  };
  RsPdfDocument *doc = rs_pdf_document_new (paper);
  RsPdfTable *table;

  rs_pdf_document_set_company (doc, "华东贸易有限公司", "上海市浦东新区张江路 88 号 · 电话 021-5080 1234", logo);
  rs_pdf_document_set_title (doc, "检验报告", "JY20261126-0003");
  rs_pdf_document_set_time (doc, G_GINT64_CONSTANT (1795690000000000));
  rs_pdf_document_add_fields (doc, 2,
                              "退货单号", "TH20261120-0017", "客户", "北京京东世纪贸易有限公司",
                              "商品", "蓝牙耳机 X2 降噪版 黑色", "数量", "2 副",
                              "检验员", "王芳", "结论", "不合格",
                              "开始时间", "2026-11-26 09:12", "结束时间", "2026-11-26 09:47", NULL);
  rs_pdf_document_add_heading (doc, "检验项目");
  table = rs_pdf_document_add_table (doc);
  rs_pdf_table_add_column (table, "项目", 1.3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "标准", 3, RS_PDF_ALIGN_LEFT);
  rs_pdf_table_add_column (table, "结果", 1, RS_PDF_ALIGN_CENTER);
  rs_pdf_table_add_column (table, "说明", 2.5, RS_PDF_ALIGN_LEFT);
  for (int i = 0; i < rows; i++)
    rs_pdf_table_add_rowv (table, checks[i % G_N_ELEMENTS (checks)]);
  rs_pdf_document_add_text (doc, "结论：外包装与外观两项不合格，判定为运输破损。建议退回供应商并向承运商索赔，"
                                 "照片作为索赔凭证随本报告存档。");
  rs_pdf_document_add_heading (doc, "现场照片");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *caption = g_strdup_printf ("照片 %d：%s", i + 1,
                                                  (const char *[]) { "外箱压痕", "封条", "左耳机划痕", "配件" }[i]);

      rs_pdf_document_add_photo (doc, photos[i], caption);
    }
  rs_pdf_document_add_signatures (doc, "检验员", "王芳", "复核", NULL, NULL);
  return doc;
}

typedef RsPdfDocument *(*MakeFunc) (RsPdfTemplate paper, int rows);

typedef struct {
  const char   *name;
  const char   *file;
  MakeFunc      make;       /* a document put together by hand, or */
  int           print;      /* an RsPrintKind read from the database (-1: none) */
  char        **number;     /* …of this number */
  RsPdfTemplate paper;
  int           rows;
  int           runs;       /* 0: the default */
} Kind;

/* ---- the real documents ---- */

static void
remove_all (const char *path)
{
  GDir *dir = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_dir_open (path, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_all (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_remove (path);
}

static void
must (gboolean ok, GError *error, const char *what)
{
  if (!ok)
    die_on_error (error, what);
}

static RsSession *
add_user (RsSession *admin, const char *name, const char *full_name, RsRoles role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = rs_users_add (admin, name, full_name, role, "bench-pass-123", &error);
  RsSession *logged_in;

  die_on_error (error, "adding a user");
  logged_in = rs_session_login (rs_session_get_database (admin), name, "bench-pass-123", &error);
  die_on_error (error, "logging in");
  return logged_in;
}

static char *
add_slip (RsSession *keeper, guint n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autoptr(GPtrArray) skus = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RsSlip) slip = NULL;
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "SH", .partner = "S001",
                          .remark = "到货时两箱外包装轻微破损，已拍照留存；请质检部门在收货后 24 小时内完成检验。" };

  for (guint i = 0; i < n_lines; i++)
    {
      RsSlipLineFields line = { .quantity = 10000, .location = "A-01", .unit_cost = 12846 + 100 * i };

      g_ptr_array_add (skus, g_strdup_printf ("P-%02u", i + 1));
      line.sku = skus->pdata[i];
      g_array_append_val (lines, line);
    }
  fields.lines = (RsSlipLineFields *) lines->data;
  fields.n_lines = n_lines;
  slip = rs_slips_create_posted (keeper, &fields, &error);
  die_on_error (error, "a slip");
  return g_strdup (rs_slip_get_number (slip));
}

/* A return of one line taken through every stage without photos, for the settlement. */
static char *
small_return (RsSession *sales, RsSession *svc, RsSession *mgr, RsSession *keeper, RsSession *finance,
              const char *sku, const char *reason, gint64 price, RsDispositionKind kind, gint64 freight)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(RsInspection) report = NULL;
  RsReturnLineFields line = { .sku = sku, .quantity = 1000, .unit_price = price };
  RsReturnFields fields = { .customer = "KH001", .reason = reason, .lines = &line, .n_lines = 1 };
  RsReceiptLineFields received = { sku, 1000 };
  RsInspectionValue values[] = { { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" },
                                 { "function", kind == RS_DISPOSITION_RESTOCK ? "pass" : "fail" }, { "serial", "SN2026-000789" } };
  RsInspectionFields inspected = { values, G_N_ELEMENTS (values), NULL, 0, -1, NULL };
  RsDispositionFields disposed = { sku, 1000, kind, kind == RS_DISPOSITION_RESTOCK ? "A-01" : NULL };
  char *number;

  ret = rs_returns_create (sales, &fields, &error);
  die_on_error (error, "a return");
  number = g_strdup (rs_return_get_number (ret));
#define STEP(call, what) G_STMT_START { g_clear_object (&ret); ret = (call); die_on_error (error, what); } G_STMT_END
  STEP (rs_returns_submit (sales, number, NULL, &error), "submitting");
  STEP (rs_returns_approve (svc, number, NULL, &error), "approving");
  STEP (rs_returns_approve (mgr, number, NULL, &error), "approving");
  STEP (rs_returns_receive (keeper, number, "SH", &received, 1, NULL, &error), "receiving");
  report = rs_inspections_record (keeper, number, sku, 0, &inspected, &error);
  die_on_error (error, "inspecting");
  STEP (rs_returns_dispose (keeper, number, &disposed, 1, &error), "disposing");
  STEP (rs_returns_add_cost (finance, number, RS_COST_REFUND, price, NULL, &error), "a cost");
  STEP (rs_returns_add_cost (finance, number, RS_COST_FREIGHT, freight, NULL, &error), "a cost");
#undef STEP
  return number;
}

/* A trading company's database, made through core as its people would. */
static void
make_database (const char *dir)
{
  static const char *names[][2] = {
    { "蓝牙耳机 X2 降噪版 黑色", "副" }, { "无线鼠标 M330 静音版", "个" }, { "机械键盘 K845 青轴", "把" },
    { "充电宝 20000mAh 快充", "个" }, { "USB-C 数据线 1 米 编织", "条" }, { "无线路由器 AX3000 双频", "台" },
    { "移动硬盘 2TB USB 3.0", "块" }, { "27 英寸显示器 2K 高刷", "台" },
  };
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autoptr(RsSession) sales = NULL, svc = NULL, mgr = NULL, keeper = NULL, finance = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsPartner) customer = NULL, supplier = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(RsInspection) report = NULL, other = NULL;
  g_autoptr(RsSettlement) sheet = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  RsPartnerFields customer_fields = { .code = "KH001", .name = "北京京东世纪贸易有限公司", .contact = "刘海燕",
                                      .phone = "010-8911 8888", .address = "北京市大兴区亦庄经济开发区科创十一街 18 号" };
  RsPartnerFields supplier_fields = { .code = "S001", .name = "深圳市华强北电子科技有限公司" };
  RsReturnLineFields return_lines[] = { { .sku = "P-01", .quantity = 2000, .unit_price = 59900, .serial = "SN2026-000123" },
                                        { .sku = "P-02", .quantity = 1000, .unit_price = 12900 } };
  RsReturnFields return_fields = { .customer = "KH001", .reason = "damaged", .order_ref = "JD-2026112012345",
                                   .description = "外包装压痕两处，左耳机外壳划痕约 3 毫米；客户要求退货退款。",
                                   .lines = return_lines, .n_lines = 2 };
  RsReceiptLineFields received[] = { { "P-01", 2000 }, { "P-02", 1000 } };
  RsInspectionValue failed[] = { { "packaging", "fail" }, { "accessories", "pass" }, { "appearance", "fail" },
                                 { "function", "pass" }, { "serial", "SN2026-000123" } };
  RsInspectionValue passed[] = { { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" },
                                 { "function", "pass" }, { "serial", "SN2026-000456" } };
  RsInspectionPhoto shots[] = { { "packaging", photos[0] }, { "packaging", photos[1] }, { "appearance", photos[2] },
                                { NULL, photos[3] } };
  RsInspectionFields with_photos = { failed, G_N_ELEMENTS (failed), shots, G_N_ELEMENTS (shots), -1,
                                     "外包装与外观两项不合格，判定为运输破损；照片作为向承运商索赔的凭证。" };
  RsInspectionFields without_photos = { passed, G_N_ELEMENTS (passed), NULL, 0, -1, NULL };
  RsDispositionFields dispositions[] = { { "P-01", 2000, RS_DISPOSITION_SCRAP, NULL },
                                         { "P-02", 1000, RS_DISPOSITION_RESTOCK, "A-01" } };
  g_autofree char *second = NULL, *third = NULL;
  const char *settle[4] = { NULL, NULL, NULL, NULL };

  die_on_error (error, "the database");
  must (rs_users_initialize (db, "华东贸易有限公司", "bench-pass-123", &error), error, "the first user");
  session = rs_session_login (db, "admin", "bench-pass-123", &error);
  die_on_error (error, "logging in");
  must (rs_settings_set (session, RS_SETTING_COMPANY_ADDRESS, "上海市浦东新区张江路 88 号", &error) &&
        rs_settings_set (session, RS_SETTING_COMPANY_PHONE, "021-5080 1234", &error) &&
        rs_settings_set_logo (session, logo, &error), error, "the settings");

  warehouse = rs_warehouses_add (session, "SH", "上海一号仓（浦东）", NULL, &error);
  die_on_error (error, "a warehouse");
  location = rs_locations_add (session, "SH", "A-01", "A 区货架", RS_LOCATION_STORAGE, &error);
  die_on_error (error, "a location");
  g_clear_object (&location);
  location = rs_locations_add (session, "SH", "R-01", "维修区", RS_LOCATION_REPAIR, &error);
  die_on_error (error, "a location");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *sku = g_strdup_printf ("P-%02u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s%s", names[i % 8][0], i < 8 ? "" : " 批次 B");
      RsProductFields product = { .sku = sku, .name = name, .unit = names[i % 8][1], .list_price = 59900 };
      g_autoptr(RsProduct) added = rs_products_add (session, &product, &error);

      die_on_error (error, "a product");
    }
  customer = rs_partners_add (session, RS_PARTNER_CUSTOMER, &customer_fields, &error);
  die_on_error (error, "a customer");
  supplier = rs_partners_add (session, RS_PARTNER_SUPPLIER, &supplier_fields, &error);
  die_on_error (error, "a supplier");
  sales = add_user (session, "wangfang", "王芳", RS_ROLE_SALES);
  svc = add_user (session, "zhaomin", "赵敏", RS_ROLE_SERVICE);
  mgr = add_user (session, "liuqiang", "刘强", RS_ROLE_MANAGER);
  keeper = add_user (session, "zhangwei", "张伟", RS_ROLE_KEEPER);
  finance = add_user (session, "zhoujie", "周杰", RS_ROLE_FINANCE);
  slip8 = add_slip (keeper, 8);
  slip5 = add_slip (keeper, 5);
  slip60 = add_slip (keeper, 60);

  ret = rs_returns_create (sales, &return_fields, &error);
  die_on_error (error, "a return");
  rma = g_strdup (rs_return_get_number (ret));
  g_clear_object (&ret);
  ret = rs_returns_submit (sales, rma, NULL, &error);
  die_on_error (error, "submitting");
  g_clear_object (&ret);
  ret = rs_returns_approve (svc, rma, "已核实订单，同意退货", &error);
  die_on_error (error, "approving");
  g_clear_object (&ret);
  ret = rs_returns_approve (mgr, rma, NULL, &error);
  die_on_error (error, "approving");
  g_clear_object (&ret);
  ret = rs_returns_receive (keeper, rma, "SH", received, G_N_ELEMENTS (received), NULL, &error);
  die_on_error (error, "receiving");
  report = rs_inspections_record (keeper, rma, "P-01", 0, &with_photos, &error);
  die_on_error (error, "inspecting");
  inspection = g_strdup (rs_inspection_get_number (report));
  other = rs_inspections_record (keeper, rma, "P-02", 0, &without_photos, &error);
  die_on_error (error, "inspecting");
  g_clear_object (&ret);
  ret = rs_returns_dispose (keeper, rma, dispositions, G_N_ELEMENTS (dispositions), &error);
  die_on_error (error, "disposing");
  g_clear_object (&ret);
  ret = rs_returns_add_cost (finance, rma, RS_COST_REFUND, 132700, "原路退回货款", &error);
  die_on_error (error, "a cost");
  g_clear_object (&ret);
  ret = rs_returns_add_cost (finance, rma, RS_COST_FREIGHT, 2300, "顺丰到付", &error);
  die_on_error (error, "a cost");
  second = small_return (sales, svc, mgr, keeper, finance, "P-03", "quality", 39900, RS_DISPOSITION_REPAIR, 1800);
  third = small_return (sales, svc, mgr, keeper, finance, "P-05", "no-reason", 4900, RS_DISPOSITION_RESTOCK, 800);
  settle[0] = rma;
  settle[1] = second;
  settle[2] = third;
  sheet = rs_settlements_create (finance, today, today, settle, "月度退货报账", &error);
  die_on_error (error, "a settlement");
  settlement = g_strdup (rs_settlement_get_number (sheet));
  g_clear_object (&sheet);
  sheet = rs_settlements_approve (finance, settlement, &error);
  die_on_error (error, "approving the settlement");
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

typedef struct {
  double wall;    /* median milliseconds */
  double best;    /* the fastest run: what a document costs when nothing else runs */
  double cpu;     /* median milliseconds of processor time, all threads */
  gsize  bytes;
  guint  pages;
} Figures;

static Figures
measure (const Kind *kind, gboolean whole_font, int n, GBytes **keep)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  Figures figures = { 0 };

  for (int i = -1; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(RsPdfDocument) doc = NULL;
      gint64 start = g_get_monotonic_time ();
      double start_cpu = cpu_ms ();

      if (kind->print >= 0)
        doc = rs_pdf_print_build (session, kind->print, *kind->number, kind->paper, NULL, &error);
      else
        doc = kind->make (kind->paper, kind->rows);
      die_on_error (error, kind->name);
      rs_pdf_document_set_whole_font (doc, whole_font);
      pdf = rs_pdf_document_render (doc, NULL, &error);
      die_on_error (error, kind->name);
      if (i >= 0)
        {
          wall[i] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[i] = cpu_ms () - start_cpu;
        }
      figures.bytes = g_bytes_get_size (pdf);
      figures.pages = rs_pdf_document_get_n_pages (doc);
      if (keep != NULL && i == n - 1)
        *keep = g_bytes_ref (pdf);
    }
  qsort (wall, n, sizeof *wall, compare_doubles);
  qsort (cpu, n, sizeof *cpu, compare_doubles);
  figures.wall = wall[n / 2];
  figures.best = wall[0];
  figures.cpu = cpu[n / 2];
  return figures;
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Documents measured per kind and font (default 20)", "N" },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, "Also write the documents (subset) to DIR", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only the document kinds whose name contains TEXT", "TEXT" },
    { "subset-only", 0, 0, G_OPTION_ARG_NONE, &subset_only, "Leave out the whole-font runs (for profiling)", NULL },
    { NULL }
  };
  const Kind kinds[] = {
    { "slip, A4, 1 page (8 lines)", "slip-a4.pdf", make_slip, -1, NULL, RS_PDF_TEMPLATE_A4, 8, 0 },
    { "slip, A5 landscape (8 lines, reprint)", "slip-a5.pdf", make_slip, -1, NULL, RS_PDF_TEMPLATE_A5, 8, 0 },
    { "slip, 241 mm form (5 lines)", "slip-form241.pdf", make_slip, -1, NULL, RS_PDF_TEMPLATE_FORM241, 5, 0 },
    { "slip, A4, 60 lines", "slip-a4-60.pdf", make_slip, -1, NULL, RS_PDF_TEMPLATE_A4, 60, 0 },
    { "inspection report, A4, 4 phone photos", "report-a4.pdf", make_report, -1, NULL, RS_PDF_TEMPLATE_A4, 10, 5 },
    /* Read from the database through core: */
    { "slip, A4, 1 page (8 lines)", "doc-slip-a4.pdf", NULL, RS_PRINT_SLIP, &slip8, RS_PDF_TEMPLATE_A4, 0, 0 },
    { "slip, A5 landscape (8 lines)", "doc-slip-a5.pdf", NULL, RS_PRINT_SLIP, &slip8, RS_PDF_TEMPLATE_A5, 0, 0 },
    { "slip, 241 mm form (5 lines)", "doc-slip-form241.pdf", NULL, RS_PRINT_SLIP, &slip5, RS_PDF_TEMPLATE_FORM241, 0, 0 },
    { "slip, A4, 60 lines", "doc-slip-a4-60.pdf", NULL, RS_PRINT_SLIP, &slip60, RS_PDF_TEMPLATE_A4, 0, 0 },
    { "return authorisation, A4", "doc-return-a4.pdf", NULL, RS_PRINT_RETURN, &rma, RS_PDF_TEMPLATE_A4, 0, 0 },
    { "inspection report, A4, 4 phone photos", "doc-inspection-a4.pdf", NULL, RS_PRINT_INSPECTION, &inspection, RS_PDF_TEMPLATE_A4, 0, 5 },
    { "settlement sheet, A4", "doc-settlement-a4.pdf", NULL, RS_PRINT_SETTLEMENT, &settlement, RS_PDF_TEMPLATE_A4, 0, 0 },
    { "return dossier, A4, 4 phone photos", "doc-dossier-a4.pdf", NULL, RS_PRINT_DOSSIER, &rma, RS_PDF_TEMPLATE_A4, 0, 5 },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— milliseconds and bytes per PDF document");
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = NULL;
  gint64 photo_bytes = 0;

  rs_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-pdf: %s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);

  scratch = g_dir_make_tmp ("restock-bench-pdf-XXXXXX", &error);
  die_on_error (error, "temporary folder");
  logo = make_logo (scratch);
  for (int i = 0; i < 4; i++)
    {
      GStatBuf info = { 0 };

      photos[i] = make_phone_photo (scratch, i);
      g_stat (photos[i], &info);
      photo_bytes += info.st_size;
    }
  make_database (scratch);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const Kind *kind = &kinds[k];
      int n = kind->runs > 0 ? MIN (kind->runs, runs) : runs;
      g_autoptr(GBytes) kept = NULL;
      Figures subset, whole;

      if (k == 0 || (kind->print < 0) != (kinds[k - 1].print < 0))
        {
          g_print ("\n%s\n", kind->print < 0 ? "The engine: documents put together by hand (rs-pdf-document.h)"
                                             : "Real documents: read from the database through core (rs_pdf_print_build) and rendered");
          g_print ("%-40s %5s | %-38s | %-38s\n", "", "", "subset (HarfBuzz)", "whole font (libharu)");
          g_print ("%-40s %5s | %8s %8s %8s %11s | %8s %8s %8s %11s\n", "document", "pages",
                   "ms", "best ms", "cpu ms", "bytes", "ms", "best ms", "cpu ms", "bytes");
        }
      if (only != NULL && strstr (kind->name, only) == NULL)
        continue;
      subset = measure (kind, FALSE, n, &kept);
      whole = subset_only ? (Figures) { 0 } : measure (kind, TRUE, n, NULL);
      g_print ("%-40s %5u | %8.1f %8.1f %8.1f %11" G_GSIZE_FORMAT " | %8.1f %8.1f %8.1f %11" G_GSIZE_FORMAT "\n",
               kind->name, subset.pages, subset.wall, subset.best, subset.cpu, subset.bytes,
               whole.wall, whole.best, whole.cpu, whole.bytes);
      if (write_dir != NULL)
        {
          g_autofree char *path = g_build_filename (write_dir, kind->file, NULL);

          g_mkdir_with_parents (write_dir, 0755);
          g_file_set_contents (path, g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), &error);
          die_on_error (error, path);
        }
    }
  g_print ("\nMedian of %d runs (with photos: %d), on %u processors. Every document has a 240 × 240 PNG logo. Photos: 4 × 4000 × 3000 JPEG, quality 92, "
           "%" G_GINT64_FORMAT " bytes in all.\n", runs, MIN (runs, 5), g_get_num_processors (), photo_bytes);
  g_clear_object (&session);
  remove_all (scratch);
  return 0;
}
