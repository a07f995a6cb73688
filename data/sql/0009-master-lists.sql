-- The paged lists of master data in 资料 (rs_products_list_paged, rs_partners_list_paged): the
-- active rows in the order of their SKU or code, read from an index that holds just that,
-- instead of every row of the table looked up to see whether it is active. (Every row, the
-- inactive too, is the order of the SKU's or code's own unique index.)
CREATE INDEX product_active_sku ON product (active, sku);
CREATE INDEX customer_active_code ON customer (active, code);
CREATE INDEX supplier_active_code ON supplier (active, code);
