-- Issue 14: who placed an order and finance's decision on its approval (four eyes).

alter table customer_order add column placed_by varchar(64);
alter table customer_order add column approved boolean;
alter table customer_order add column approval_decided_by varchar(64);
alter table customer_order add column approval_decided_at timestamp(6) with time zone;
