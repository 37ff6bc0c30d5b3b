-- Issue 14: who placed an order and finance's decision on its approval (four eyes), and the
-- outcome of a hire's latest probation review until the process has acted on it.

alter table customer_order add column placed_by varchar(64);
alter table customer_order add column approved boolean;
alter table customer_order add column approval_decided_by varchar(64);
alter table customer_order add column approval_decided_at timestamp(6) with time zone;

alter table ops_hire add column probation_outcome enum ('END','EXTEND','PASS');
