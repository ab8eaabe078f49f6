-- The department's dispatch list (issue 14): each delivery knows the department of its case, copied when chosen.
ALTER TABLE postal_delivery ADD COLUMN department_code text;
UPDATE postal_delivery p SET department_code = a.department_code FROM application a WHERE a.id = p.application_id;
CREATE INDEX postal_delivery_department ON postal_delivery (department_code, updated_at);
