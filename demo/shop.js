// A cart page changes the quantity; the element follows its attribute.
const quantity = document.querySelector('#quantity');
quantity.addEventListener('input', () => document.querySelector('#order-points').setAttribute('quantity', quantity.value || '0'));
